/** A choice of a select: a value shown as itself, or a value and its label. */
export type Option = string | readonly [value: string, label: string];

/** A labelled select over fixed options: a list's filter, sort or order, or a form field. */
export function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => {
        const [v, text] = typeof o === "string" ? [o, o] : o;
        return (
          <option key={v} value={v}>
            {text}
          </option>
        );
      })}
    </select>
  );
}

/** The two directions a list sorts in. */
export const orders = [
  ["asc", "Ascending"],
  ["desc", "Descending"],
] as const;

/** A {@link Choice} bound to one key of a list's state in the URL (`useSearchState`). */
export function StateChoice<K extends string>({
  name,
  label = name,
  options,
  state,
  set,
}: {
  name: K;
  label?: string;
  options: readonly Option[];
  state: Record<K, string>;
  set: (changes: Partial<Record<K, string>>) => void;
}) {
  const onChange = (value: string) => set({ [name]: value } as Partial<Record<K, string>>);
  return <Choice label={label} value={state[name]} options={options} onChange={onChange} />;
}

/** A search box that filters a list as one types. */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
