import { baseName } from "../../filetree/paths.js";
import type { CapturedFile } from "../../filetree/types.js";
import type { Location, Package } from "../../types.js";
import { isExecutableCandidate, MAX_EXECUTABLE_SIZE } from "../binary/candidate-path.js";
import { looksExecutable } from "../binary/executable.js";
import { catalogEachFile } from "../each-file.js";
import type { CatalogContext, Cataloger, CatalogResult } from "../types.js";
import { condenseAuditable, mayHaveAuditableCrates, readAuditableCrates } from "./auditable.js";
import { parseCargoLock } from "./cargo-lock.js";
import { cratePackage, RUST_CATALOGER } from "./package.js";

/**
 * Rust: `Cargo.lock` in every scan, and the dependency list `cargo auditable` embeds in
 * executables. A binary built without cargo-auditable carries no crate list and yields nothing.
 */
export const rustCataloger = {
  name: RUST_CATALOGER,
  wants(path: string): boolean {
    return baseName(path) === "Cargo.lock" || isExecutableCandidate(path);
  },
  maxFileSize: MAX_EXECUTABLE_SIZE,
  /** A script or data file in a `bin` directory is never read past its first bytes. */
  keepsHead(path: string, head: Buffer): boolean {
    return baseName(path) === "Cargo.lock" || looksExecutable(head);
  },
  keeps(path: string, content: Buffer): boolean {
    return baseName(path) === "Cargo.lock" || mayHaveAuditableCrates(content);
  },
  /** A binary is held as its dependency section alone (`readAuditableCrates` reads either). */
  condense(path: string, content: Buffer): Buffer | undefined {
    return baseName(path) === "Cargo.lock" ? undefined : condenseAuditable(content);
  },
  catalog(context: CatalogContext): CatalogResult {
    return catalogEachFile(context, RUST_CATALOGER, catalogFile);
  },
} satisfies Cataloger;

function catalogFile(file: CapturedFile, location: Location): Package[] {
  if (baseName(file.path) === "Cargo.lock") {
    const crates = parseCargoLock(file.content.toString("utf8"));
    return crates.map((c) => cratePackage(c, "lockfile", location));
  }
  let crates: ReturnType<typeof readAuditableCrates>;
  try {
    crates = readAuditableCrates(file.content);
  } catch (err) {
    throw new Error(`cargo-auditable data not readable: ${(err as Error).message}`);
  }
  return (crates ?? []).map((c) => cratePackage(c, "binary", location));
}
