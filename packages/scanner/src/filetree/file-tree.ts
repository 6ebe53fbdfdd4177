import { PathResolutionError } from "../errors.js";
import { joinLinkTarget, parentPath, splitPath } from "./paths.js";
import type { CapturedFile, LayerEntry, LayerIndex, NodeType } from "./types.js";

/** One node of the squashed tree. */
export interface FileNode {
  type: NodeType;
  size: number;
  mode: number;
  /** Index of the layer that last wrote this node. */
  layerIndex: number;
  linkTarget?: string;
  children?: Map<string, FileNode>;
}

/** The most symlinks followed while resolving one path, as Linux allows (MAXSYMLINKS). */
const MAX_SYMLINK_HOPS = 40;

/**
 * The squashed view of an image: every layer applied in order, whiteouts and opaque directories
 * honoured, and for each kept file every version that the layers wrote since it last appeared.
 */
export class FileTree {
  readonly root: FileNode = {
    type: "dir",
    size: 0,
    mode: 0o755,
    layerIndex: 0,
    children: new Map(),
  };
  private readonly history = new Map<string, CapturedFile[]>();
  /**
   * Directories entries of the layer being applied landed in, by parent path as written, so
   * that each is walked to from the root once per layer rather than once per entry. Only
   * directories and symlinks make up those walks, so it is dropped whenever one is replaced.
   */
  private readonly dirs = new Map<string, { node: FileNode; path: string }>();

  /** Applies one layer on top of what is already there (layers must come bottom first). */
  applyLayer(layer: LayerIndex): void {
    for (const dir of layer.opaqueDirs) this.clearDir(dir);
    for (const path of layer.whiteouts) this.remove(path);
    for (const entry of layer.entries) this.addEntry(entry, layer);
    this.dirs.clear();
  }

  /** The node at `path`, following symlinks in every component including the last. */
  get(path: string): FileNode | undefined {
    return this.lookup(path, true)?.node;
  }

  /** The node at `path` itself: a symlink in the last component is not followed. */
  lstat(path: string): FileNode | undefined {
    return this.lookup(path, false)?.node;
  }

  /** The path `path` leads to once every symlink on the way is followed, inside the image. */
  realPath(path: string): string | undefined {
    return this.lookup(path, true)?.path;
  }

  /** The kept bytes of the file at `path` (symlinks followed), if a cataloger asked for them. */
  read(path: string): Buffer | undefined {
    const real = this.realPath(path);
    if (real === undefined) return undefined;
    const versions = this.history.get(real);
    return versions?.[versions.length - 1]?.content;
  }

  /** Every version of a kept file, oldest first, since it was last deleted. */
  versions(path: string): readonly CapturedFile[] {
    return this.history.get(path) ?? [];
  }

  /** The kept files that are still present in the final view, newest versions only. */
  *capturedFiles(): Generator<CapturedFile> {
    for (const versions of this.history.values()) {
      const last = versions[versions.length - 1];
      if (last) yield last;
    }
  }

  /** Walks every node depth-first, paths absolute. */
  *walk(dir = "/", node: FileNode = this.root): Generator<[string, FileNode]> {
    for (const [name, child] of node.children ?? []) {
      const path = dir === "/" ? `/${name}` : `${dir}/${name}`;
      yield [path, child];
      if (child.children) yield* this.walk(path, child);
    }
  }

  private addEntry(entry: LayerEntry, layer: LayerIndex): void {
    const name = entry.path.slice(entry.path.lastIndexOf("/") + 1);
    if (name === "") return;
    const key = parentPath(entry.path);
    const dir = this.parentDir(key, layer);
    if (dir === undefined) return;
    const parent = dir.node;
    // Kept versions are filed under the path the entry really lands at, below any symlinked
    // parent, so that reading either spelling finds them.
    const path = dir.path === key ? entry.path : `${dir.path === "/" ? "" : dir.path}/${name}`;
    const existing = parent.children?.get(name);
    const keepsDir = existing?.type === "dir" && entry.type === "dir";
    if (!keepsDir && (existing?.type === "dir" || existing?.type === "symlink")) this.dirs.clear();
    if (entry.type === "dir") {
      if (existing?.type === "dir") {
        existing.mode = entry.mode;
        existing.layerIndex = layer.layerIndex;
        return;
      }
      this.forget(path, existing);
      parent.children?.set(name, {
        type: "dir",
        size: 0,
        mode: entry.mode,
        layerIndex: layer.layerIndex,
        children: new Map(),
      });
      return;
    }
    // A file rewritten by a later layer keeps its earlier versions (catalogers read them to
    // find the layer that installed each package); anything else starts a new history, and so
    // does a rewrite whose bytes were not kept, lest an old version pass for the current one.
    const rewritesFile = existing?.type === "file" && entry.type === "file";
    if (!rewritesFile || !layer.captured.has(entry.path)) this.forget(path, existing);
    if (entry.type === "hardlink") {
      this.addHardLink(entry, parent, path, layer.layerIndex);
      return;
    }
    parent.children?.set(name, {
      type: entry.type,
      size: entry.size,
      mode: entry.mode,
      layerIndex: layer.layerIndex,
      linkTarget: entry.linkTarget,
    });
    const content = layer.captured.get(entry.path);
    if (content !== undefined) this.pushVersion(path, layer.layerIndex, content);
  }

  /** The directory entries below `key` land in, walked to once per layer. */
  private parentDir(key: string, layer: LayerIndex): { node: FileNode; path: string } | undefined {
    const known = this.dirs.get(key);
    if (known !== undefined) return known;
    const dir = this.ensureDir(key, layer);
    if (dir !== undefined) this.dirs.set(key, dir);
    return dir;
  }

  /** A hard link shares its target's bytes; the target is looked up as the tree is now. */
  private addHardLink(entry: LayerEntry, parent: FileNode, path: string, layerIndex: number): void {
    const targetPath = this.realLocation(entry.linkTarget ?? "");
    const target = targetPath === undefined ? undefined : this.lstat(targetPath);
    const size = target?.type === "file" ? target.size : 0;
    const name = path.slice(path.lastIndexOf("/") + 1);
    parent.children?.set(name, { type: "file", size, mode: entry.mode, layerIndex });
    const content = targetPath && this.history.get(targetPath)?.at(-1)?.content;
    if (content) this.pushVersion(path, layerIndex, content);
  }

  /**
   * Where `path` itself lives once the symlinks in its parent directories are followed (the
   * last component is not followed); undefined when the parent does not resolve.
   */
  private realLocation(path: string): string | undefined {
    const name = path.slice(path.lastIndexOf("/") + 1);
    const parent = this.lookupQuietly(parentPath(path));
    if (parent === undefined || name === "") return undefined;
    return parent.path === "/" ? `/${name}` : `${parent.path}/${name}`;
  }

  /** {@link lookup} with symlinks followed, a loop taken as "not there". */
  private lookupQuietly(path: string): { node: FileNode; path: string } | undefined {
    try {
      return this.lookup(path, true);
    } catch (err) {
      if (err instanceof PathResolutionError) return undefined;
      throw err;
    }
  }

  private pushVersion(path: string, layerIndex: number, content: Buffer): void {
    const versions = this.history.get(path) ?? [];
    versions.push({ path, layerIndex, content });
    this.history.set(path, versions);
  }

  /**
   * Creates missing parent directories, as tar extraction does; a file in the way is replaced.
   * Returns the directory and its real path. A parent that is a symlink loop cannot hold the
   * entry: it is skipped and an unknown in `layer` says why.
   */
  private ensureDir(path: string, layer: LayerIndex): { node: FileNode; path: string } | undefined {
    let node = this.root;
    let current = "";
    for (const part of splitPath(path)) {
      const next = current === "/" ? `/${part}` : `${current}/${part}`;
      let child = node.children?.get(part);
      if (child?.type === "symlink") {
        // Entries below a symlinked directory land where the link points, as tar does.
        const resolved = this.lookupQuietly(next);
        if (resolved === undefined && this.isLoop(next)) {
          layer.unknowns.push({
            path,
            reason: "parent directory is a symlink loop; entry skipped",
          });
          return undefined;
        }
        if (resolved?.node.type === "dir") {
          node = resolved.node;
          current = resolved.path;
          continue;
        }
      }
      if (child?.type !== "dir") {
        if (child?.type === "symlink") this.dirs.clear();
        this.forget(next, child);
        child = {
          type: "dir",
          size: 0,
          mode: 0o755,
          layerIndex: layer.layerIndex,
          children: new Map(),
        };
        node.children?.set(part, child);
      }
      node = child;
      current = next;
    }
    return { node, path: current === "" ? "/" : current };
  }

  private isLoop(path: string): boolean {
    try {
      this.lookup(path, true);
      return false;
    } catch (err) {
      return err instanceof PathResolutionError;
    }
  }

  private remove(path: string): void {
    const real = this.realLocation(path);
    if (real === undefined) return;
    const parent = this.lstat(parentPath(real));
    parent?.children?.delete(real.slice(real.lastIndexOf("/") + 1));
    this.dropHistory(real);
  }

  private clearDir(path: string): void {
    const resolved = this.lookupQuietly(path);
    if (resolved?.node.type !== "dir") return;
    resolved.node.children = new Map();
    this.dropHistory(resolved.path, true);
  }

  /**
   * Forgets kept versions at `path`, where `replaced` stood: below it too only when `replaced`
   * was a directory with entries, the one case where versions can be filed below it. Scanning
   * every kept path for each entry of a layer made squashing quadratic (seconds on images with
   * 100,000 files and thousands of kept files).
   */
  private forget(path: string, replaced: FileNode | undefined): void {
    if (replaced?.children !== undefined && replaced.children.size > 0) this.dropHistory(path);
    else this.history.delete(path);
  }

  /** Forgets kept versions at `path` and below it. */
  private dropHistory(path: string, childrenOnly = false): void {
    if (this.history.size === 0) return;
    if (!childrenOnly) this.history.delete(path);
    const prefix = path === "/" ? "/" : `${path}/`;
    for (const key of this.history.keys()) {
      if (key.startsWith(prefix)) this.history.delete(key);
    }
  }

  /**
   * Resolves a path component by component inside the image. `..` at the root stays at the
   * root, absolute link targets start from the image root, and a loop ends in an error.
   */
  private lookup(path: string, followLast: boolean): { node: FileNode; path: string } | undefined {
    const pending = splitPath(path);
    const stack: FileNode[] = [this.root];
    const names: string[] = [];
    let hops = 0;
    while (pending.length > 0) {
      const part = pending.shift() as string;
      if (part === "..") {
        if (stack.length > 1) {
          stack.pop();
          names.pop();
        }
        continue;
      }
      const node = stack[stack.length - 1]?.children?.get(part);
      if (node === undefined) return undefined;
      const isLast = pending.length === 0;
      if (node.type === "symlink" && (followLast || !isLast)) {
        if (++hops > MAX_SYMLINK_HOPS) {
          throw new PathResolutionError(`too many levels of symbolic links resolving ${path}`);
        }
        const here = `/${names.join("/")}`;
        const target = joinLinkTarget(here, node.linkTarget ?? "");
        pending.unshift(...splitPath(target));
        stack.length = 1;
        names.length = 0;
        continue;
      }
      stack.push(node);
      names.push(part);
    }
    const node = stack[stack.length - 1] as FileNode;
    return { node, path: `/${names.join("/")}` };
  }
}
