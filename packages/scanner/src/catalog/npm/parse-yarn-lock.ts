import { parse as parseYaml } from "yaml";
import type { FileParser, PackageDraft } from "../file-parsers.js";
import { type DevRoots, devRootsBeside, markDev } from "./dev-reach.js";
import { aliasTarget, splitDescriptor } from "./npm-purl.js";
import { parseYarnV1, type YarnBlock } from "./yarn-v1-syntax.js";

/** One lockfile entry, in either syntax, reduced to what a package needs. */
interface YarnEntry {
  descriptors: string[];
  name: string;
  version: string;
  dependencies: Record<string, string>;
}

/**
 * `yarn.lock` of Yarn 1 (its own syntax) and Yarn 2+ "berry" (YAML with `__metadata`).
 * Dev-only packages are told apart when the project's package.json sits beside the lockfile.
 */
export const yarnLockParser = {
  id: "yarn-lock",
  foundHow: "lockfile",
  matches: (path: string) => path.endsWith("/yarn.lock"),
  parse(text: string, path: string, tree): PackageDraft[] {
    const entries = isBerry(text) ? readBerry(text) : readV1(text);
    return toDrafts(entries, devRootsBeside(tree, path));
  },
} satisfies FileParser;

function isBerry(text: string): boolean {
  return /^__metadata:/m.test(text);
}

function readV1(text: string): YarnEntry[] {
  return [...parseYarnV1(text)].flatMap(([key, value]) => {
    if (typeof value === "string") return [];
    const version = value.get("version");
    if (typeof version !== "string") return [];
    const descriptors = key.split(", ");
    const deps = value.get("dependencies");
    const dependencies = deps instanceof Map ? stringMap(deps) : {};
    return [{ descriptors, name: nameOf(descriptors[0] ?? ""), version, dependencies }];
  });
}

function readBerry(text: string): YarnEntry[] {
  const doc: unknown = parseYaml(text, { uniqueKeys: false });
  if (doc === null || typeof doc !== "object") throw new Error("yarn.lock is not a YAML map");
  return Object.entries(doc as Record<string, unknown>).flatMap(([key, raw]) => {
    if (key === "__metadata" || raw === null || typeof raw !== "object") return [];
    const value = raw as Record<string, unknown>;
    // Workspaces and the project itself are linked in place, not installed dependencies.
    if (value.linkType === "soft" || typeof value.version !== "string") return [];
    const descriptors = key.split(",").map((d) => d.trim());
    const resolution = typeof value.resolution === "string" ? value.resolution : key;
    const dependencies = (value.dependencies ?? {}) as Record<string, string>;
    return [{ descriptors, name: nameOf(resolution), version: value.version, dependencies }];
  });
}

/** The real package name of a descriptor, following `alias@npm:real@range`. */
function nameOf(descriptor: string): string {
  const { name, range } = splitDescriptor(descriptor);
  return aliasTarget(name, range);
}

function toDrafts(entries: YarnEntry[], roots: DevRoots | undefined): PackageDraft[] {
  const byDescriptor = new Map<string, YarnEntry>();
  for (const e of entries) for (const d of e.descriptors) byDescriptor.set(normalize(d), e);
  const edges = (e: YarnEntry) =>
    Object.entries(e.dependencies).flatMap(([dep, range]) => {
      const found = byDescriptor.get(normalize(`${dep}@${range}`));
      return found ? [found] : [];
    });
  const dev = roots
    ? markDev(entries, edges, (name) => entriesNamed(entries, name), roots)
    : undefined;
  const seen = new Set<string>();
  return entries.flatMap((e) => {
    const key = `${e.name}@${e.version}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const requires = edges(e).map((d) => ({ name: d.name, version: d.version }));
    return [{ name: e.name, version: e.version, dev: dev?.has(e), requires }];
  });
}

function entriesNamed(entries: YarnEntry[], name: string): YarnEntry[] {
  return entries.filter((e) => e.descriptors.some((d) => splitDescriptor(d).name === name));
}

/** Berry writes `npm:` before plain ranges in keys but not in dependency lists. */
function normalize(descriptor: string): string {
  const { name, range } = splitDescriptor(descriptor);
  return `${name}@${range.replace(/^npm:(?=[^@]*$)/, "")}`;
}

function stringMap(block: YarnBlock): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of block) if (typeof v === "string") out[k] = v;
  return out;
}
