import type { NugetEntry } from "./package.js";

type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};

/**
 * Parses NuGet's `packages.lock.json`: per target framework, each package with its `type`
 * (`Direct`, `Transitive`, `CentralTransitive`, `Project`) and `resolved` version. A package
 * locked for several frameworks is one entry; one without a resolved version is skipped.
 * https://learn.microsoft.com/en-us/nuget/consume-packages/package-references-in-project-files#locking-dependencies
 */
export function parsePackagesLockJson(text: string): NugetEntry[] {
  const doc = asObj(JSON.parse(text));
  const found = new Map<string, NugetEntry>();
  for (const [framework, packages] of Object.entries(asObj(doc.dependencies))) {
    for (const [name, value] of Object.entries(asObj(packages))) {
      const entry = asObj(value);
      const version = typeof entry.resolved === "string" ? entry.resolved : undefined;
      if (!version) continue;
      const key = `${name}@${version}`;
      const seen = found.get(key);
      if (seen)
        seen.metadata = { ...seen.metadata, frameworks: [...frameworksOf(seen), framework] };
      else found.set(key, lockEntry(name, version, entry, framework));
    }
  }
  return [...found.values()];
}

function frameworksOf(entry: NugetEntry): string[] {
  return (entry.metadata?.frameworks as string[] | undefined) ?? [];
}

function lockEntry(name: string, version: string, entry: Obj, framework: string): NugetEntry {
  return {
    name,
    version,
    dependsOn: Object.keys(asObj(entry.dependencies)),
    metadata: { lockType: entry.type, contentHash: entry.contentHash, frameworks: [framework] },
  };
}
