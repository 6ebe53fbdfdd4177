import semver from "semver";
import { baseName, splitPath } from "../../filetree/paths.js";
import type { RuntimeDraft } from "./runtime-package.js";

/** Node.js LTS codenames as `.nvmrc` writes them (`lts/gallium`), by major version. */
const NODE_LTS: Record<string, string> = {
  argon: "4",
  boron: "6",
  carbon: "8",
  dubnium: "10",
  erbium: "12",
  fermium: "14",
  gallium: "16",
  hydrogen: "18",
  iron: "20",
  jod: "22",
  krypton: "24",
};

const VERSION_FILES = new Set([".nvmrc", ".node-version", ".python-version", ".ruby-version"]);

/** Whether a source tree's file may declare a runtime; dependencies' own manifests do not. */
export function isDeclarationFile(path: string): boolean {
  const name = baseName(path);
  if (!VERSION_FILES.has(name) && name !== "package.json") return false;
  return !splitPath(path).includes("node_modules");
}

/**
 * The runtime a source tree declares: `package.json` `engines.node`, or a version manager's
 * file. A range is judged by the lowest release it admits (`>=16` runs on Node.js 16, so it
 * must still be supported); aliases that name no release (`node`, `lts/*`) declare nothing.
 */
export function readDeclaration(path: string, content: Buffer): RuntimeDraft | undefined {
  const name = baseName(path);
  const source = content.toString("utf8");
  if (name === "package.json") return nodeRange(engines(source));
  const first = source.split(/\r?\n/)[0]?.trim() ?? "";
  if (name === ".nvmrc" || name === ".node-version") return nodeRange(nodeAlias(first));
  if (name === ".python-version") return pinned("python", first, /^(\d+\.\d+)(\.\d+)?$/);
  return pinned("ruby", first.replace(/^ruby-/, ""), /^(\d+\.\d+)(\.\d+)?$/);
}

function engines(source: string): string | undefined {
  let doc: { engines?: { node?: unknown } } | null;
  try {
    doc = JSON.parse(source);
  } catch {
    // The npm cataloger reports an unreadable package.json; one unknown per file is enough.
    return undefined;
  }
  const node = doc?.engines?.node;
  return typeof node === "string" ? node : undefined;
}

function nodeAlias(value: string): string | undefined {
  const lts = /^lts\/(\w+)$/i.exec(value)?.[1]?.toLowerCase();
  return lts ? NODE_LTS[lts] : value.replace(/^v/, "") || undefined;
}

function nodeRange(range: string | undefined): RuntimeDraft | undefined {
  if (!range || !semver.validRange(range)) return undefined;
  const lowest = semver.minVersion(range);
  if (!lowest) return undefined;
  const cycle = String(lowest.major);
  return {
    product: "nodejs",
    name: "node",
    version: range,
    foundHow: "manifest",
    declaredCycle: cycle,
  };
}

function pinned(
  product: "python" | "ruby",
  value: string,
  pattern: RegExp,
): RuntimeDraft | undefined {
  const cycle = pattern.exec(value)?.[1];
  if (!cycle) return undefined;
  return { product, name: product, version: value, foundHow: "manifest", declaredCycle: cycle };
}
