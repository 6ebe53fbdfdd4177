import type { FileTree } from "../filetree/file-tree.js";
import type { CapturedFile } from "../filetree/types.js";
import type { FoundHow, Package, Unknown } from "../types.js";
import { attributeLayers } from "./layer-attribution.js";
import type { CatalogContext, CatalogResult } from "./types.js";

/** A package as a parser reads it from one file, before its purl and locations are added. */
export interface PackageDraft {
  name: string;
  version: string;
  dev?: boolean;
  licenses?: string[];
  files?: string[];
  maintainer?: string;
  description?: string;
  metadata?: Record<string, unknown>;
  /**
   * Dependencies as the file names them: a version when the file pins which copy is used,
   * the name alone otherwise. Resolved against the other drafts of the same file into
   * `metadata.dependsOn`; one that the file does not resolve (or resolves ambiguously) is left
   * out rather than guessed.
   */
  requires?: DependencyRef[];
}

/** A dependency named by a file: a name, and the exact version when the file pins it. */
export interface DependencyRef {
  name: string;
  version?: string;
}

/** Reads one kind of file (a lockfile, a manifest, an installed record) into package drafts. */
export interface FileParser {
  /** Short name of the format, used in unknowns (`package-lock`, `yarn-lock`, ...). */
  readonly id: string;
  readonly foundHow: FoundHow;
  /** Cheap test on the absolute path alone. */
  matches(path: string): boolean;
  /**
   * Reads the file. Throws on malformed input (the caller turns that into an unknown) and
   * returns an empty list for a well-formed file that names no package. `tree` gives access to
   * sibling files the parser also asked for (a RECORD beside METADATA, a package.json beside
   * a lockfile).
   */
  parse(text: string, path: string, tree: FileTree): PackageDraft[];
}

/** What an ecosystem adds to the parsers: its cataloger name, purl type and purl builder. */
export interface EcosystemSpec {
  cataloger: string;
  type: string;
  parsers: readonly FileParser[];
  purlOf(draft: PackageDraft): string;
}

/** True when some parser of `spec` reads this path. */
export function wantsPath(spec: EcosystemSpec, path: string): boolean {
  return spec.parsers.some((p) => p.matches(path));
}

/**
 * Runs each parser over the captured files it matches. A file that fails to parse becomes an
 * unknown naming the file, its layer and the reason, and the other files are still read.
 */
export function catalogFiles(context: CatalogContext, spec: EcosystemSpec): CatalogResult {
  const result: CatalogResult = { packages: [], unknowns: [] };
  for (const file of context.tree.capturedFiles()) {
    const parser = spec.parsers.find((p) => p.matches(file.path));
    if (parser === undefined) continue;
    try {
      result.packages.push(...readFile(context, spec, parser, file));
    } catch (err) {
      result.unknowns.push(unknownOf(context, spec, parser, file, err));
    }
  }
  return result;
}

function readFile(
  context: CatalogContext,
  spec: EcosystemSpec,
  parser: FileParser,
  file: CapturedFile,
): Package[] {
  const drafts = mergeRepeats(parser.parse(file.content.toString("utf8"), file.path, context.tree));
  const layers = attributeLayers(
    context.tree.versions(file.path),
    (content) => keysOf(parser.parse(content.toString("utf8"), file.path, context.tree)),
    keysOf(drafts),
  );
  const resolve = createResolver(spec, drafts);
  return drafts.map((draft) => {
    const layer = context.layerId(layers.get(keyOf(draft)) ?? file.layerIndex);
    const pkg = toPackage(spec, parser, draft, { path: file.path, layer });
    const dependsOn = resolve(draft.requires ?? []);
    if (dependsOn.length > 0) pkg.metadata = { ...pkg.metadata, dependsOn };
    return pkg;
  });
}

/**
 * One file may name a package more than once (npm installs a version at several paths):
 * it is one package, dev only when every copy is, with the union of what each copy requires.
 */
function mergeRepeats(drafts: PackageDraft[]): PackageDraft[] {
  const byKey = new Map<string, PackageDraft>();
  for (const draft of drafts) {
    const seen = byKey.get(keyOf(draft));
    if (seen === undefined) {
      byKey.set(keyOf(draft), draft);
      continue;
    }
    seen.dev = seen.dev === true && draft.dev === true;
    seen.requires = [...(seen.requires ?? []), ...(draft.requires ?? [])];
  }
  return [...byKey.values()];
}

/** Resolves dependency references to purls among the drafts of one file. */
function createResolver(spec: EcosystemSpec, drafts: PackageDraft[]) {
  const byName = new Map<string, PackageDraft[]>();
  for (const d of drafts) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  return (refs: DependencyRef[]): string[] => {
    const purls = refs.flatMap((ref) => {
      const found = byName.get(ref.name) ?? [];
      const exact = ref.version ? found.filter((d) => d.version === ref.version) : found;
      const versions = new Set(exact.map((d) => d.version));
      return versions.size === 1 && exact[0] ? [spec.purlOf(exact[0])] : [];
    });
    return [...new Set(purls)].sort();
  };
}

function toPackage(
  spec: EcosystemSpec,
  parser: FileParser,
  draft: PackageDraft,
  location: { path: string; layer?: string },
): Package {
  const { metadata, requires: _requires, ...facts } = draft;
  const pkg: Package = {
    ...facts,
    type: spec.type,
    purl: spec.purlOf(draft),
    foundBy: spec.cataloger,
    foundHow: parser.foundHow,
    locations: [location],
    layer: location.layer,
  };
  if (metadata && Object.keys(metadata).length > 0) pkg.metadata = metadata;
  return pkg;
}

function unknownOf(
  context: CatalogContext,
  spec: EcosystemSpec,
  parser: FileParser,
  file: CapturedFile,
  err: unknown,
): Unknown {
  const message = err instanceof Error ? err.message : String(err);
  return {
    path: file.path,
    layer: context.layerId(file.layerIndex),
    cataloger: spec.cataloger,
    reason: `${parser.id}: ${message.split("\n")[0]}`,
  };
}

function keyOf(draft: PackageDraft): string {
  return `${draft.name}@${draft.version}`;
}

function keysOf(drafts: PackageDraft[]): Set<string> {
  return new Set(drafts.map(keyOf));
}

/** The last segment of a path. */
export function baseNameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The directory part of a path (`/` for a top-level file). */
export function dirNameOf(path: string): string {
  const cut = path.lastIndexOf("/");
  return cut <= 0 ? "/" : path.slice(0, cut);
}
