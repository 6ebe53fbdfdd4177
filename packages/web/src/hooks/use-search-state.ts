import { useSearchParams } from "react-router";

/**
 * List state (filters, sort, page) kept in the URL, so a filtered view can be shared, survives
 * a reload, and the back button undoes a filter.
 */
export function useSearchState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    Object.entries(defaults).map(([k, v]) => [k, params.get(k) ?? v]),
  ) as Record<K, string>;
  const set = (changes: Partial<Record<K, string>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes) as [K, string][]) {
          if (v === defaults[k] || v === "") next.delete(k);
          else next.set(k, v);
        }
        // Any change other than the page itself starts again from the first page.
        if (!("offset" in changes)) next.delete("offset");
        return next;
      },
      { replace: true },
    );
  return [values, set] as const;
}

/** Drops empty strings so they are not sent as filters. */
export function compact<T extends Record<string, string | number | undefined>>(query: T) {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== "" && v !== undefined),
  ) as Partial<T>;
}
