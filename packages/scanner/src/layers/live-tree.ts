/**
 * The squashed view as the layers report needs it: per path, the layer that wrote it and the
 * stored content it shows. Unlike the scan's file tree it keeps no file bytes, only who stored
 * what, so that every byte can be followed to where it ends: in the final view or in waste.
 */
import { joinLinkTarget, splitPath } from "../filetree/paths.js";
import type { NodeType } from "../filetree/types.js";

/** Bytes one layer stored for one file; hard links made to it share it. */
export interface Content {
  layer: number;
  bytes: number;
  /** Paths in the current view that show this content. */
  links: number;
}

/** One path of the view. Directories have `children`; everything else has `content`. */
export interface LiveNode {
  type: NodeType;
  /** Index of the layer that last wrote this path. */
  layer: number;
  linkTarget?: string;
  children?: Map<string, LiveNode>;
  content?: Content;
}

/** A directory reached by a path, and its real path once symlinked parents are followed. */
export interface Located {
  node: LiveNode;
  path: string;
}

/** The most symlinks followed for one path, as Linux allows (MAXSYMLINKS). */
const MAX_HOPS = 40;

/** Creates an empty directory node written by `layer`. */
export function newDir(layer: number): LiveNode {
  return { type: "dir", layer, children: new Map() };
}

/** The path of `name` inside directory `dir`. */
export function childPath(dir: string, name: string): string {
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}

/**
 * Finds `path`, following symlinks in every component (the last one too when `followLast`).
 * A missing component gives undefined, and so does a symlink loop.
 */
export function lookup(root: LiveNode, path: string, followLast = true): Located | undefined {
  const found = resolve(root, path, followLast, 0);
  return typeof found === "string" ? undefined : found;
}

/** Whether following the symlinks of `path` runs in a loop (more hops than Linux allows). */
export function isLoop(root: LiveNode, path: string): boolean {
  return resolve(root, path, true, 0) === "loop";
}

function resolve(
  root: LiveNode,
  path: string,
  followLast: boolean,
  hops: number,
): Located | "missing" | "loop" {
  let here: Located = { node: root, path: "/" };
  const parts = splitPath(path);
  for (const [i, name] of parts.entries()) {
    const node = here.node.children?.get(name);
    if (node === undefined) return "missing";
    if (node.type === "symlink" && (followLast || i < parts.length - 1)) {
      if (hops >= MAX_HOPS) return "loop";
      const target = joinLinkTarget(here.path, node.linkTarget ?? "");
      const rest = parts.slice(i + 1).join("/");
      return resolve(root, rest === "" ? target : `${target}/${rest}`, followLast, hops + 1);
    }
    here = { node, path: childPath(here.path, name) };
  }
  return here;
}

/** Calls `visit` for every non-directory below `node`, with its path; depth-first. */
export function eachFile(node: LiveNode, path: string, visit: (n: LiveNode, p: string) => void) {
  for (const [name, child] of node.children ?? []) {
    const at = childPath(path, name);
    if (child.children) eachFile(child, at, visit);
    else visit(child, at);
  }
}
