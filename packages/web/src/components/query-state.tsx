import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

/** Renders a query's data, or its loading and error states, the same way everywhere. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  if (query.isError)
    return (
      <p className="error" role="alert">
        {query.error.message}
      </p>
    );
  return <>{children(query.data)}</>;
}
