import { splitDescriptor } from "./npm-purl.js";

/** Name and version a pnpm lockfile key or dependency reference points at. */
export interface PnpmRef {
  name: string;
  version: string;
}

/**
 * Reads a `packages` key. Lockfile v5 writes `/name/1.0.0_peer@2.0.0` (a registry host may
 * precede it); v6 writes `/name@1.0.0(peer@2.0.0)`; v9 drops the leading slash. A key whose
 * version is not a version (a git or tarball source) yields undefined: the entry's own
 * `name` and `version` fields must say what it is.
 */
export function parsePnpmKey(key: string, major: number): PnpmRef | undefined {
  const ref = major >= 6 ? parseV6Key(key) : parseV5Key(key);
  return ref && /^\d/.test(ref.version) ? ref : undefined;
}

function parseV6Key(key: string): PnpmRef | undefined {
  const { name, range } = splitDescriptor(key.replace(/^\//, ""));
  if (range === "") return undefined;
  return { name, version: stripPeers(range) };
}

function parseV5Key(key: string): PnpmRef | undefined {
  const parts = key.replace(/^\//, "").split("/");
  const version = parts.pop();
  const last = parts.pop();
  if (version === undefined || last === undefined) return undefined;
  const scope = parts[parts.length - 1];
  const name = scope?.startsWith("@") ? `${scope}/${last}` : last;
  return { name, version: stripPeers(version) };
}

/** Drops pnpm's peer-dependency suffix: `(peer@1.0.0)` since v6, `_peer@1.0.0` before. */
export function stripPeers(version: string): string {
  return version.replace(/\(.*$/, "").replace(/_.*$/, "");
}

/**
 * Reads the target of a dependency reference inside the lockfile: a bare version (`1.0.0`,
 * `1.0.0(peer@2)`), a key (`/name/1.0.0`), or an alias (`real-name@1.0.0`).
 */
export function parsePnpmDependency(dep: string, ref: string, major: number): PnpmRef | undefined {
  if (ref.startsWith("/")) return parsePnpmKey(ref, major);
  if (/^\d/.test(ref)) return { name: dep, version: stripPeers(ref) };
  return parsePnpmKey(ref, Math.max(major, 6));
}
