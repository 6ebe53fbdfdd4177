import type { CapturedFile } from "../../filetree/types.js";
import type { Location, Package, Unknown } from "../../types.js";
import { MAX_EXECUTABLE_SIZE } from "../binary/candidate-path.js";
import type { CatalogContext, Cataloger, CatalogResult } from "../types.js";
import { isDeclarationFile, readDeclaration } from "./declared.js";
import { fileProbes } from "./file-probes.js";
import { RUNTIME_CATALOGER, runtimePackage } from "./runtime-package.js";
import { probeTree } from "./tree-probes.js";

/**
 * Language runtimes installed outside any package manager, as the official Docker images
 * install them (`/usr/local/bin/node`, Python's and PHP's headers, `/usr/local/go/VERSION`,
 * a JDK's `release` file, `libruby.so.X.Y.Z`, .NET's shared runtime directories), and in
 * directory scans the runtime a source tree declares (`engines.node`, `.nvmrc`,
 * `.python-version`, `.ruby-version`). Each is a `generic` package with `metadata.runtime` set
 * to the endoflife.date product its support dates come from.
 */
export const runtimeCataloger = {
  name: RUNTIME_CATALOGER,
  wants: (path: string) => fileProbes.some((p) => p.matches(path)) || isDeclarationFile(path),
  // The Node.js binary is the one big file (about 100 MB); the Go cataloger reads it too.
  maxFileSize: MAX_EXECUTABLE_SIZE,
  condense(path: string, content: Buffer): Buffer | undefined {
    return fileProbes.find((p) => p.matches(path))?.condense?.(content);
  },
  catalog(context: CatalogContext): CatalogResult {
    const result: CatalogResult = { packages: [], unknowns: [] };
    for (const file of context.tree.capturedFiles()) {
      const location = { path: file.path, layer: context.layerId(file.layerIndex) };
      try {
        const found = catalogFile(file, location, context);
        if (found) result.packages.push(found);
      } catch (err) {
        result.unknowns.push(unknown(location, (err as Error).message));
      }
    }
    for (const named of probeTree(context.tree)) {
      const location = { path: named.path, layer: context.layerId(named.layerIndex) };
      result.packages.push(runtimePackage(named.draft, location));
    }
    return result;
  },
} satisfies Cataloger;

function catalogFile(
  file: CapturedFile,
  location: Location,
  context: CatalogContext,
): Package | undefined {
  const probe = fileProbes.find((p) => p.matches(file.path));
  if (probe) {
    const draft = probe.read(file.content, file.path);
    return draft && runtimePackage(draft, location);
  }
  if (context.mode !== "directory" || !isDeclarationFile(file.path)) return undefined;
  const draft = readDeclaration(file.path, file.content);
  return draft && runtimePackage(draft, location);
}

function unknown(location: Location, reason: string): Unknown {
  return { path: location.path, layer: location.layer, cataloger: RUNTIME_CATALOGER, reason };
}
