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

/** Opens the bare record {@link condenseAuditable} makes; no executable starts with a NUL. */
const BARE_MARK = Buffer.from("\0lading:.dep-v0\0", "latin1");

/**
 * The `.dep-v0` section of an executable as a bare record (a mark, then the section's bytes),
 * held in the binary's place until cataloging so that a binary of tens of MiB is not kept for a
 * few KiB of dependency list; {@link readAuditableCrates} reads it back. Undefined when the
 * file has no such section or cannot be read as an executable.
 */
export function condenseAuditable(data: Buffer): Buffer | undefined {
  let section: Buffer | undefined;
  try {
    const exe = readExecutable(data);
    section = exe && sectionData(exe, SECTION);
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  }
  return section && Buffer.concat([BARE_MARK, section]);
}

/**
 * Reads the dependency list `cargo auditable build` embeds: zlib-compressed JSON in section
 * `.dep-v0` (https://github.com/rust-secure-code/cargo-auditable/blob/v0.6.4/PARSING.md), from
 * the executable or from the bare record {@link condenseAuditable} made of it. Undefined when
 * the file is no executable or has no such section; throws when it is corrupt.
 */
export function readAuditableCrates(data: Buffer): Crate[] | undefined {
  const section = isBare(data) ? data.subarray(BARE_MARK.length) : executableSection(data);
  if (section === undefined) return undefined;
  const json = inflateSync(section, { maxOutputLength: MAX_JSON_BYTES }).toString("utf8");
  const doc = JSON.parse(json) as { packages?: unknown };
  if (!Array.isArray(doc.packages)) throw new Error("dependency list has no packages array");
  const packages = doc.packages as AuditablePackage[];
  return packages.map((p, i) => toCrate(p, i, packages));
}

function isBare(data: Buffer): boolean {
  return data.subarray(0, BARE_MARK.length).equals(BARE_MARK);
}

function executableSection(data: Buffer): Buffer | undefined {
  const exe = readExecutable(data);
  return exe && sectionData(exe, SECTION);
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
