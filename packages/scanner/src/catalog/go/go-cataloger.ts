import { baseName, parentPath } from "../../filetree/paths.js";
import type { CapturedFile } from "../../filetree/types.js";
import type { Location, Package } from "../../types.js";
import { isExecutableCandidate, MAX_EXECUTABLE_SIZE } from "../binary/candidate-path.js";
import { looksExecutable } from "../binary/executable.js";
import { catalogEachFile } from "../each-file.js";
import type { CatalogContext, Cataloger, CatalogResult } from "../types.js";
import { condenseBuildInfo, mayHaveBuildInfo, readBuildInfo } from "./buildinfo.js";
import { type GoModRequirement, listsOnlyDirect, parseGoMod, parseGoSum } from "./go-mod.js";
import { parseModInfo } from "./modinfo.js";
import { binaryPackages, GO_CATALOGER, goPackage } from "./package.js";

/**
 * Go: module build info in executables (every scan), and `go.mod` with its `go.sum` in
 * directory scans, where they describe the source tree (in an image a go.mod is usually one of
 * thousands in a module cache and names nothing that was built).
 */
export const goCataloger = {
  name: GO_CATALOGER,
  wants(path: string): boolean {
    const name = baseName(path);
    return name === "go.mod" || name === "go.sum" || isExecutableCandidate(path);
  },
  maxFileSize: MAX_EXECUTABLE_SIZE,
  /** A script or data file in a `bin` directory is never read past its first bytes. */
  keepsHead(path: string, head: Buffer): boolean {
    const name = baseName(path);
    return name === "go.mod" || name === "go.sum" || looksExecutable(head);
  },
  keeps(path: string, content: Buffer): boolean {
    const name = baseName(path);
    return name === "go.mod" || name === "go.sum" || mayHaveBuildInfo(content);
  },
  /** A binary is held as its build info alone (`readBuildInfo` reads either). */
  condense(path: string, content: Buffer): Buffer | undefined {
    const name = baseName(path);
    return name === "go.mod" || name === "go.sum" ? undefined : condenseBuildInfo(content);
  },
  catalog(context: CatalogContext): CatalogResult {
    return catalogEachFile(context, GO_CATALOGER, (file, location) =>
      catalogFile(file, location, context),
    );
  },
} satisfies Cataloger;

function catalogFile(file: CapturedFile, location: Location, context: CatalogContext): Package[] {
  const name = baseName(file.path);
  if (name === "go.sum") return [];
  if (name === "go.mod")
    return context.mode === "directory" ? goModPackages(file, location, context) : [];
  const raw = readBuildInfo(file.content);
  if (raw === undefined) return [];
  try {
    return binaryPackages(parseModInfo(raw.goVersion, raw.modInfo), location);
  } catch (err) {
    throw new Error(`Go build info not readable: ${(err as Error).message}`);
  }
}

function goModPackages(file: CapturedFile, location: Location, context: CatalogContext): Package[] {
  const sumFile = context.tree.read(`${parentPath(file.path)}/go.sum`);
  const sums = sumFile ? parseGoSum(sumFile.toString("utf8")) : new Map<string, string>();
  const mod = parseGoMod(file.content.toString("utf8"));
  const reqs = listsOnlyDirect(mod.goVersion)
    ? [...mod.requirements, ...fromGoSum(sums, mod.requirements)]
    : mod.requirements;
  return reqs.map((req) =>
    goPackage({
      path: req.path,
      version: req.version,
      foundHow: "manifest",
      location,
      metadata: {
        indirect: req.indirect,
        h1: sums.get(`${req.path}@${req.version}`),
        replaces: req.replaces,
        localReplacement: req.localReplacement,
      },
    }),
  );
}

/** Modules go.sum holds content for that the go.mod does not list, as indirect ones. */
function fromGoSum(sums: Map<string, string>, listed: GoModRequirement[]): GoModRequirement[] {
  const known = new Set(listed.map((r) => r.replaces?.path ?? r.path));
  return [...sums.keys()]
    .map((key) => key.split("@") as [string, string])
    .filter(([path]) => !known.has(path))
    .map(([path, version]) => ({ path, version, indirect: true }));
}
