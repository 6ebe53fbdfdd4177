import { parse as parseToml } from "smol-toml";
import type { DependencyRef, FileParser, PackageDraft } from "../file-parsers.js";

type Table = Record<string, unknown>;

/** poetry.lock: `[[package]]`; dev by `category = "dev"` (Poetry 1) or groups without `main`. */
export const poetryLockParser = {
  id: "poetry-lock",
  foundHow: "lockfile",
  matches: (path: string) => path.endsWith("/poetry.lock"),
  parse: (text: string) =>
    packagesOf(parseToml(text), "package").map((p) =>
      draftOf(p, p.category === "dev" || (hasGroups(p) && !groupsOf(p).includes("main"))),
    ),
} satisfies FileParser;

/**
 * pdm.lock: `[[package]]` with `groups`. A group outside `default` may be a dev group or an
 * optional extra, and only pyproject.toml says which; a package is called dev only when its
 * groups name `dev` and not `default`, and its groups are kept in metadata.
 */
export const pdmLockParser = {
  id: "pdm-lock",
  foundHow: "lockfile",
  matches: (path: string) => path.endsWith("/pdm.lock"),
  parse: (text: string) =>
    packagesOf(parseToml(text), "package").map((p) =>
      withGroups(draftOf(p, isPdmDev(groupsOf(p))), groupsOf(p)),
    ),
} satisfies FileParser;

/**
 * uv.lock: `[[package]]`; the project itself (an editable or virtual source) is left out, and
 * a package is dev when only the project's `dev-dependencies` groups name it.
 */
export const uvLockParser = {
  id: "uv-lock",
  foundHow: "lockfile",
  matches: (path: string) => path.endsWith("/uv.lock"),
  parse(text: string): PackageDraft[] {
    const all = packagesOf(parseToml(text), "package");
    const isProject = (p: Table) =>
      "editable" in asTable(p.source) || "virtual" in asTable(p.source);
    const devNames = new Set(all.filter(isProject).flatMap(devDependencyNames));
    return all.filter((p) => !isProject(p)).map((p) => draftOf(p, devNames.has(String(p.name))));
  },
} satisfies FileParser;

/** PEP 751 `pylock.toml` / `pylock.<name>.toml`: `[[packages]]` with exact versions. */
export const pylockParser = {
  id: "pylock",
  foundHow: "lockfile",
  matches: (path: string) => /\/pylock\.(?:[^/]+\.)?toml$/.test(path),
  parse: (text: string) =>
    packagesOf(parseToml(text), "packages").flatMap((p) =>
      typeof p.version === "string" ? [draftOf(p, false)] : [],
    ),
} satisfies FileParser;

function packagesOf(doc: Table, key: string): Table[] {
  const list = doc[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`\`${key}\` is not an array of tables`);
  return list.filter(
    (p): p is Table => typeof p?.name === "string" && typeof p?.version === "string",
  );
}

function draftOf(p: Table, dev: boolean): PackageDraft {
  return { name: String(p.name), version: String(p.version), dev, requires: requiresOf(p) };
}

/** Dependencies as poetry/pdm (`[package.dependencies]` table) or uv (array) list them. */
function requiresOf(p: Table): DependencyRef[] {
  const deps = p.dependencies;
  if (Array.isArray(deps)) return deps.flatMap((d) => (d?.name ? [{ name: String(d.name) }] : []));
  if (Array.isArray(p.dependencies)) return [];
  return Object.keys(asTable(deps)).map((name) => ({ name }));
}

function devDependencyNames(project: Table): string[] {
  return Object.values(asTable(project["dev-dependencies"])).flatMap((group) =>
    Array.isArray(group) ? group.flatMap((d) => (d?.name ? [String(d.name)] : [])) : [],
  );
}

function isPdmDev(groups: string[]): boolean {
  return groups.includes("dev") && !groups.includes("default");
}

function withGroups(draft: PackageDraft, groups: string[]): PackageDraft {
  return groups.length > 0 ? { ...draft, metadata: { groups } } : draft;
}

function hasGroups(p: Table): boolean {
  return Array.isArray(p.groups);
}

function groupsOf(p: Table): string[] {
  return Array.isArray(p.groups) ? p.groups.map(String) : [];
}

function asTable(value: unknown): Table {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Table)
    : {};
}
