/**
 * Name/value properties as CycloneDX writes them (and as Lading, syft and Trivy fill them), kept
 * in order with repeats, for lookups by name and by indexed family (`syft:location:0:path`).
 */
export class Properties {
  readonly #entries: [string, string][];

  constructor(raw: unknown) {
    const list = Array.isArray(raw) ? raw : [];
    this.#entries = list
      .filter((p) => typeof p?.name === "string" && typeof p?.value === "string")
      .map((p) => [p.name, p.value]);
  }

  /** The first value of `name`, or undefined. */
  get(name: string): string | undefined {
    return this.#entries.find(([n]) => n === name)?.[1];
  }

  /** Every value of `name`, in document order. */
  all(name: string): string[] {
    return this.#entries.filter(([n]) => n === name).map(([, v]) => v);
  }

  /** Values under `prefix`, keyed by the rest of the name (`label:` → `{ "a.b": "v" }`). */
  withPrefix(prefix: string): Record<string, string> {
    const found = this.#entries.filter(([n]) => n.startsWith(prefix));
    return Object.fromEntries(found.map(([n, v]) => [n.slice(prefix.length), v]));
  }

  /** `prefix:N:field` families as one record per N, in index order (`lading:location:`). */
  indexed(prefix: string): Record<string, string>[] {
    const groups = new Map<number, Record<string, string>>();
    for (const [key, value] of Object.entries(this.withPrefix(prefix))) {
      const match = /^(\d+):(.+)$/.exec(key);
      if (!match) continue;
      const index = Number(match[1]);
      groups.set(index, { ...groups.get(index), [match[2]]: value });
    }
    return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
  }
}
