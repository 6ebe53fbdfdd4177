import { parse } from "smol-toml";
import type { Crate } from "./package.js";

interface LockPackage {
  name?: unknown;
  version?: unknown;
  source?: unknown;
  checksum?: unknown;
  dependencies?: unknown;
}

/**
 * Parses `Cargo.lock` (versions 1 to 4): one crate per `[[package]]`. A dependency is written
 * `name`, `name version` or `name version (source)`; only the name is kept. An entry without a
 * name or version is skipped. https://doc.rust-lang.org/cargo/reference/cargo-lock.html
 */
export function parseCargoLock(text: string): Crate[] {
  const doc = parse(text) as { package?: unknown };
  const entries = Array.isArray(doc.package) ? (doc.package as LockPackage[]) : [];
  return entries.flatMap((entry) => {
    if (typeof entry.name !== "string" || typeof entry.version !== "string") return [];
    const deps = Array.isArray(entry.dependencies) ? entry.dependencies : [];
    return [
      {
        name: entry.name,
        version: entry.version,
        source: typeof entry.source === "string" ? entry.source : undefined,
        checksum: typeof entry.checksum === "string" ? entry.checksum : undefined,
        dependsOn: deps
          .filter((d): d is string => typeof d === "string")
          .map((d) => d.split(" ")[0] as string),
      },
    ];
  });
}
