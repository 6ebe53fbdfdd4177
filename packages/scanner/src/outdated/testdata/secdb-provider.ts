import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { FixedVersionsProvider, KnownFix } from "../types.js";

interface SecDb {
  packages: { pkg: { name: string; secfixes?: Record<string, string[] | null> } }[];
}

/**
 * A fixed-versions provider read straight from an Alpine secdb file: per source package
 * (`origin`), each fixed version with the advisories it closes. Stands in for the
 * vulnerability database in tests.
 */
export function secdbProvider(path: string): FixedVersionsProvider {
  const doc = parse(readFileSync(path, "utf8")) as SecDb;
  const fixes = new Map<string, KnownFix[]>();
  for (const { pkg } of doc.packages) {
    const entries = Object.entries(pkg.secfixes ?? {}).map(([version, ids]) => ({
      version,
      advisories: (ids ?? []).map((id) => id.split(/\s+/)[0] as string),
    }));
    fixes.set(pkg.name, entries);
  }
  return (pkg) => (pkg.type === "apk" ? (fixes.get(pkg.source?.name ?? pkg.name) ?? []) : []);
}
