import type { CapturedFile } from "../filetree/types.js";

/**
 * Finds, for every package in the newest version of a package database, the layer that
 * installed it. Package managers rewrite their whole database in every layer that touches it,
 * so the layer that last wrote the file says nothing about a given package. Walking the kept
 * versions newest to oldest, a package belongs to the oldest version from which its key (name
 * and version) is continuously present up to now.
 *
 * `keysOf` reads one version into the keys of its packages; a version it cannot read ends the
 * walk, so those packages keep the layer of the last readable version.
 * Returns a map from key to layer index; keys of the newest version only.
 */
export function attributeLayers(
  versions: readonly CapturedFile[],
  keysOf: (content: Buffer) => Set<string>,
  newestKeys?: Iterable<string>,
): Map<string, number> {
  const newest = versions[versions.length - 1];
  const owners = new Map<string, number>();
  if (newest === undefined) return owners;
  for (const key of newestKeys ?? keysOf(newest.content)) owners.set(key, newest.layerIndex);
  let alive = new Set(owners.keys());
  for (let i = versions.length - 2; i >= 0 && alive.size > 0; i--) {
    const version = versions[i] as CapturedFile;
    const present = readKeys(version.content, keysOf);
    if (present === undefined) break;
    alive = new Set([...alive].filter((key) => present.has(key)));
    for (const key of alive) owners.set(key, version.layerIndex);
  }
  return owners;
}

function readKeys(content: Buffer, keysOf: (content: Buffer) => Set<string>) {
  try {
    return keysOf(content);
  } catch {
    return undefined;
  }
}
