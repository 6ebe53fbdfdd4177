import type { RuntimeProduct } from "../../outdated/types.js";
import type { FoundHow, Location, Package } from "../../types.js";
import { formatPurl } from "../purl.js";

/** Name the runtime cataloger records on every package it finds. */
export const RUNTIME_CATALOGER = "runtime";

/** A runtime as one probe read it. */
export interface RuntimeDraft {
  product: RuntimeProduct;
  /** Package name, as syft's binary classifiers name these (`node`, `python`, `go`). */
  name: string;
  version: string;
  foundHow: FoundHow;
  /** Set for a requirement a source tree declares: its lowest cycle. */
  declaredCycle?: string;
}

/** A `generic` package for a runtime, its product in `metadata.runtime`. */
export function runtimePackage(draft: RuntimeDraft, location: Location): Package {
  const declared = draft.declaredCycle !== undefined;
  return {
    name: draft.name,
    version: draft.version,
    type: "generic",
    // A declared constraint (`>=16`) is no version: the purl carries none.
    purl: formatPurl({
      type: "generic",
      name: draft.name,
      version: declared ? undefined : draft.version,
    }),
    foundBy: RUNTIME_CATALOGER,
    foundHow: draft.foundHow,
    locations: [location],
    layer: location.layer,
    metadata: {
      runtime: draft.product,
      ...(declared ? { declared: true, cycle: draft.declaredCycle } : {}),
    },
  };
}
