import type { DependencyRef, FileParser, PackageDraft } from "../file-parsers.js";
import { parsePackageJson } from "./package-json.js";

type Entry = Record<string, unknown>;

const LOCKFILES = /\/(?:package-lock|npm-shrinkwrap)\.json$/;

/**
 * npm's lockfiles: `package-lock.json` and `npm-shrinkwrap.json`. The hidden
 * `node_modules/.package-lock.json` is left out, as it repeats what node_modules holds.
 * Versions 2 and 3 list `packages` by install path; version 1 nests `dependencies`
 * (https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json).
 */
export const packageLockParser = {
  id: "package-lock",
  foundHow: "lockfile",
  matches: (path: string) => LOCKFILES.test(path),
  parse(text: string): PackageDraft[] {
    const lock = parsePackageJson(text);
    if (isObject(lock.packages)) return readPackages(lock.packages);
    if (isObject(lock.dependencies)) return readDependencies(lock.dependencies, []);
    return [];
  },
} satisfies FileParser;

function readPackages(packages: Entry): PackageDraft[] {
  const drafts: PackageDraft[] = [];
  for (const [path, value] of Object.entries(packages)) {
    // The root project, and links to workspace folders, are not dependencies.
    if (path === "" || !isObject(value) || value.link === true) continue;
    if (!path.includes("node_modules/")) continue;
    const version = typeof value.version === "string" ? value.version : undefined;
    if (version === undefined) continue;
    const name = typeof value.name === "string" ? value.name : nameFromPath(path);
    drafts.push({ name, version, ...groupsOf(value), requires: resolveV2(packages, path, value) });
  }
  return drafts;
}

/** The package name from an install path: what follows the last `node_modules/`. */
function nameFromPath(path: string): string {
  return path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
}

/** Node's lookup: a dependency is in the nearest `node_modules` walking up from `path`. */
function resolveV2(packages: Entry, path: string, entry: Entry): DependencyRef[] {
  const names = [
    ...Object.keys(isObject(entry.dependencies) ? entry.dependencies : {}),
    ...Object.keys(isObject(entry.optionalDependencies) ? entry.optionalDependencies : {}),
  ];
  return names.flatMap((dep) => {
    for (let base = path; ; base = parentInstallPath(base)) {
      const found = packages[base === "" ? `node_modules/${dep}` : `${base}/node_modules/${dep}`];
      if (isObject(found) && typeof found.version === "string") {
        return [
          { name: typeof found.name === "string" ? found.name : dep, version: found.version },
        ];
      }
      if (base === "") return [];
    }
  });
}

function parentInstallPath(path: string): string {
  const cut = path.lastIndexOf("/node_modules/");
  return cut < 0 ? "" : path.slice(0, cut);
}

/** Version 1: a tree of `dependencies`, each of which may nest its own. */
function readDependencies(deps: Entry, scope: Entry[]): PackageDraft[] {
  const drafts: PackageDraft[] = [];
  const chain = [deps, ...scope];
  for (const [key, value] of Object.entries(deps)) {
    if (!isObject(value) || typeof value.version !== "string") continue;
    const { name, version } = v1Identity(key, value.version);
    // A local folder (`file:`) is the project's own code; a slash outside a scope is no name.
    if (version.startsWith("file:") || (name.includes("/") && !name.startsWith("@"))) continue;
    const nested = isObject(value.dependencies) ? value.dependencies : undefined;
    const requires = resolveV1(value, nested ? [nested, ...chain] : chain);
    drafts.push({ name, version, ...groupsOf(value), requires });
    if (nested) drafts.push(...readDependencies(nested, chain));
  }
  return drafts;
}

/** A v1 alias is written as the version: `"npm:real-name@1.2.3"`. */
function v1Identity(key: string, version: string): { name: string; version: string } {
  if (!version.startsWith("npm:")) return { name: key, version };
  const target = version.slice(4);
  const at = target.lastIndexOf("@");
  return at > 0
    ? { name: target.slice(0, at), version: target.slice(at + 1) }
    : { name: key, version };
}

function resolveV1(entry: Entry, chain: Entry[]): DependencyRef[] {
  return Object.keys(isObject(entry.requires) ? entry.requires : {}).flatMap((dep) => {
    const found = chain.map((level) => level[dep]).find(isObject);
    if (found === undefined || typeof found.version !== "string") return [];
    return [v1Identity(dep, found.version)];
  });
}

function groupsOf(entry: Entry): Pick<PackageDraft, "dev" | "metadata"> {
  const dev = entry.dev === true || entry.devOptional === true;
  const optional = entry.optional === true || entry.devOptional === true;
  return { dev, metadata: optional ? { optional: true } : {} };
}

function isObject(value: unknown): value is Entry {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
