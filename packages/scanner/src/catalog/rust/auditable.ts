import { inflateSync } from "node:zlib";
import { readExecutable, sectionData } from "../binary/executable.js";
import type { Crate } from "./package.js";

/** Section cargo-auditable writes its dependency list to, in ELF, Mach-O and PE alike. */
const SECTION = ".dep-v0";

/** Largest inflated dependency list accepted, as cargo-auditable's own reader caps it. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;

interface AuditablePackage {
  name?: unknown;
  version?: unknown;
  source?: unknown;
  kind?: unknown;
  dependencies?: unknown;
  root?: unknown;
}

/** Whether `data` names the section at all (its name is stored as text in every format). */
export function mayHaveAuditableCrates(data: Buffer): boolean {
  return data.includes(SECTION, 0, "latin1");
}

/**
 * Reads the dependency list `cargo auditable build` embeds: zlib-compressed JSON in section
 * `.dep-v0` (https://github.com/rust-secure-code/cargo-auditable/blob/v0.6.4/PARSING.md).
 * Undefined when the file is no executable or has no such section; throws when it is corrupt.
 */
export function readAuditableCrates(data: Buffer): Crate[] | undefined {
  const exe = readExecutable(data);
  const section = exe && sectionData(exe, SECTION);
  if (section === undefined) return undefined;
  const json = inflateSync(section, { maxOutputLength: MAX_JSON_BYTES }).toString("utf8");
  const doc = JSON.parse(json) as { packages?: unknown };
  if (!Array.isArray(doc.packages)) throw new Error("dependency list has no packages array");
  const packages = doc.packages as AuditablePackage[];
  return packages.map((p, i) => toCrate(p, i, packages));
}

function toCrate(p: AuditablePackage, index: number, all: AuditablePackage[]): Crate {
  if (typeof p.name !== "string" || typeof p.version !== "string") {
    throw new Error(`package ${index} has no name or version`);
  }
  const deps = Array.isArray(p.dependencies) ? p.dependencies : [];
  return {
    name: p.name,
    version: p.version,
    source: typeof p.source === "string" && p.source !== "local" ? p.source : undefined,
    dependsOn: deps
      .map((d) => all[d as number]?.name)
      .filter((n): n is string => typeof n === "string"),
    ...(p.kind === "build" ? { buildOnly: true } : {}),
  };
}
