import { parseAllDocuments } from "yaml";
import type { FileParser, PackageDraft } from "../file-parsers.js";
import { markDev } from "./dev-reach.js";
import { splitDescriptor } from "./npm-purl.js";
import { type PnpmRef, parsePnpmDependency, parsePnpmKey } from "./pnpm-keys.js";

type Map_ = Record<string, unknown>;

interface PnpmNode {
  ref: PnpmRef;
  /** Dependencies as `name` → reference (from the package entry, or the v9 snapshot). */
  deps: Record<string, string>;
  devFlag?: boolean;
  optional: boolean;
}

/**
 * `pnpm-lock.yaml`, lockfile versions 5 to 9 (https://github.com/pnpm/spec/tree/master/lockfile).
 * Before v9 each package carries a `dev` flag; v9 drops it, so dev-only packages are those
 * reached from the importers' `devDependencies` and not from their other dependencies.
 */
export const pnpmLockParser = {
  id: "pnpm-lock",
  foundHow: "lockfile",
  matches: (path: string) => path.endsWith("/pnpm-lock.yaml"),
  parse(text: string): PackageDraft[] {
    return readDocuments(text).flatMap((doc) => readLock(doc));
  },
} satisfies FileParser;

/** pnpm 9+ may put an environment lockfile first, as a separate YAML document. */
function readDocuments(text: string): Map_[] {
  return parseAllDocuments(text, { uniqueKeys: false }).flatMap((doc) => {
    if ("errors" in doc && doc.errors.length > 0) throw doc.errors[0];
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return [];
    if (typeof value !== "object" || Array.isArray(value)) throw new Error("not a YAML map");
    return [value as Map_];
  });
}

function readLock(doc: Map_): PackageDraft[] {
  const major = Number.parseFloat(String(doc.lockfileVersion ?? "5"));
  if (Number.isNaN(major)) throw new Error(`unreadable lockfileVersion ${doc.lockfileVersion}`);
  const nodes = readNodes(doc, major);
  const byKey = new Map(nodes.map((n) => [refKey(n.ref), n]));
  const edges = (n: PnpmNode) =>
    Object.entries(n.deps).flatMap(([dep, ref]) => {
      const target = parsePnpmDependency(dep, ref, major);
      const found = target && byKey.get(refKey(target));
      return found ? [found] : [];
    });
  const dev = major >= 9 ? devFromImporters(doc, nodes, byKey, edges) : undefined;
  return nodes.map((n) => ({
    name: n.ref.name,
    version: n.ref.version,
    dev: dev ? dev.has(n) : n.devFlag === true,
    requires: edges(n).map((d) => d.ref),
    metadata: n.optional ? { optional: true } : {},
  }));
}

function readNodes(doc: Map_, major: number): PnpmNode[] {
  const packages = asMap(doc.packages);
  const snapshots = groupSnapshots(asMap(doc.snapshots));
  const seen = new Set<string>();
  return Object.entries(packages).flatMap(([key, raw]) => {
    const entry = asMap(raw);
    const ref = identify(key, entry, major);
    if (ref === undefined || seen.has(refKey(ref))) return [];
    seen.add(refKey(ref));
    const deps = { ...asStrings(entry.dependencies), ...asStrings(entry.optionalDependencies) };
    for (const snap of snapshots.get(key) ?? []) {
      Object.assign(deps, asStrings(snap.dependencies), asStrings(snap.optionalDependencies));
    }
    const optional = entry.optional === true;
    return [{ ref, deps, devFlag: entry.dev === true, optional }];
  });
}

/** v9 snapshots by the package key they instantiate (`name@1.0.0(peer@2)` → `name@1.0.0`). */
function groupSnapshots(snapshots: Map_): Map<string, Map_[]> {
  const groups = new Map<string, Map_[]>();
  for (const [key, snap] of Object.entries(snapshots)) {
    const base = key.replace(/\(.*$/, "");
    groups.set(base, [...(groups.get(base) ?? []), asMap(snap)]);
  }
  return groups;
}

/** A registry package is named by its key; a git or tarball one by its own fields. */
function identify(key: string, entry: Map_, major: number): PnpmRef | undefined {
  // A local folder (`file:../pkg`) is the project's own code, not a dependency to look up.
  if (key.includes("file:")) return undefined;
  if (typeof entry.name === "string" && typeof entry.version === "string") {
    return { name: entry.name, version: entry.version };
  }
  const fromKey = parsePnpmKey(key, major);
  if (fromKey || typeof entry.version !== "string") return fromKey;
  // A v9 git or tarball key is `name@<url>`; only the entry knows the version.
  const name = splitDescriptor(key.replace(/^\//, "")).name;
  return name ? { name, version: entry.version } : undefined;
}

function devFromImporters(
  doc: Map_,
  nodes: PnpmNode[],
  byKey: Map<string, PnpmNode>,
  edges: (n: PnpmNode) => PnpmNode[],
): Set<PnpmNode> {
  const roots = { prod: [] as string[], dev: [] as string[] };
  for (const importer of Object.values(asMap(doc.importers))) {
    const imp = asMap(importer);
    for (const group of ["dependencies", "optionalDependencies", "devDependencies"]) {
      const list = group === "devDependencies" ? roots.dev : roots.prod;
      for (const [dep, spec] of Object.entries(asMap(imp[group]))) {
        const version = typeof spec === "string" ? spec : asMap(spec).version;
        const target = typeof version === "string" && parsePnpmDependency(dep, version, 9);
        if (target) list.push(refKey(target));
      }
    }
  }
  return markDev(
    nodes,
    edges,
    (key) => (byKey.has(key) ? [byKey.get(key) as PnpmNode] : []),
    roots,
  );
}

function refKey(ref: PnpmRef): string {
  return `${ref.name}@${ref.version}`;
}

function asMap(value: unknown): Map_ {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Map_)
    : {};
}

function asStrings(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(asMap(value)).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}
