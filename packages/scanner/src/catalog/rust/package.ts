import type { FoundHow, Location, Package } from "../../types.js";
import { formatPurl } from "../purl.js";

/** Name the Rust cataloger records on every package it finds. */
export const RUST_CATALOGER = "rust";

/** One crate as Cargo.lock or cargo-auditable data records it. */
export interface Crate {
  name: string;
  version: string;
  /** `registry+https://...`, `git+https://...#rev`, `crates.io`, `local`...; absent for a path crate. */
  source?: string;
  checksum?: string;
  /** Names of the crates it depends on. */
  dependsOn: string[];
  /** True for a crate only needed at build time (cargo-auditable `kind: build`). */
  buildOnly?: boolean;
}

/** Builds a cargo package; a crate with no source is a local (workspace or path) crate. */
export function cratePackage(crate: Crate, foundHow: FoundHow, location: Location): Package {
  return {
    name: crate.name,
    version: crate.version,
    type: "cargo",
    purl: formatPurl({ type: "cargo", name: crate.name, version: crate.version }),
    foundBy: RUST_CATALOGER,
    foundHow,
    locations: [location],
    layer: location.layer,
    ...(crate.buildOnly ? { dev: true } : {}),
    metadata: {
      source: crate.source ?? "local",
      ...(crate.checksum ? { checksum: crate.checksum } : {}),
      dependsOn: crate.dependsOn,
    },
  };
}
