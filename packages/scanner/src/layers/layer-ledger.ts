/**
 * Follows every byte the layers store, layer by layer, to where it ends: still visible in the
 * final view, or wasted because a later layer deleted or overwrote it. Layers are applied the way
 * the scan's file tree applies them (opaque directories, then whiteouts, then entries; entries
 * below a symlinked directory land where the link points), so both agree on the final view.
 */
import { baseName, parentPath } from "../filetree/paths.js";
import type { LayerEntry, LayerIndex } from "../filetree/types.js";
import { cacheCategoryOf } from "./cache-paths.js";
import {
  type Content,
  childPath,
  eachFile,
  isLoop,
  type LiveNode,
  type Located,
  lookup,
  newDir,
} from "./live-tree.js";
import type { FileChanges, SizedPath } from "./types.js";
import { WasteTally } from "./waste-tally.js";

/** What one layer changed and wasted. */
export interface LayerTally {
  changes: FileChanges;
  waste: WasteTally;
}

/** The final view's figures, read once every layer has been applied. */
export interface FinalView {
  /** Every non-directory of the final view, at its apparent size (hard links at the target's). */
  files: SizedPath[];
  /** Every directory but the root, with the stored bytes below it (hard links counted once). */
  directories: SizedPath[];
  bytes: number;
  fileCount: number;
}

type Loss = "deleted" | "overwritten";

/** Applies layer indexes bottom first and tallies each layer's changes and waste. */
export class LayerLedger {
  private readonly root = newDir(-1);
  private readonly tallies = new Map<number, LayerTally>();
  /** Bytes of file content all layers stored, hard links counted once. */
  storedBytes = 0;

  /** Applies one layer on top of the ones already applied. */
  apply(index: LayerIndex): void {
    const tally = this.tally(index.layerIndex);
    for (const dir of index.opaqueDirs) this.clearDir(dir, tally);
    for (const path of index.whiteouts) this.removePath(path, tally);
    for (const entry of index.entries) this.addEntry(entry, index.layerIndex, tally);
  }

  /** The changes and waste of layer `layer` (empty for a layer not applied). */
  tally(layer: number): LayerTally {
    let tally = this.tallies.get(layer);
    if (tally === undefined) {
      tally = { changes: { added: 0, modified: 0, removed: 0 }, waste: new WasteTally() };
      this.tallies.set(layer, tally);
    }
    return tally;
  }

  /**
   * Reads the final view, and counts the cache files left in it as waste of the layer that
   * stored them. Call once, after the last layer.
   */
  finish(): FinalView {
    const view: FinalView = { files: [], directories: [], bytes: 0, fileCount: 0 };
    this.sumDir(this.root, "/", view, new Set());
    return view;
  }

  private sumDir(dir: LiveNode, path: string, view: FinalView, seen: Set<Content>): number {
    let bytes = 0;
    for (const [name, child] of dir.children ?? []) {
      const at = childPath(path, name);
      if (child.children) {
        const below = this.sumDir(child, at, view, seen);
        view.directories.push({ path: at, bytes: below });
        bytes += below;
      } else if (child.content) {
        bytes += this.countFinal(child.content, at, view, seen);
      }
    }
    return bytes;
  }

  /** Counts one file of the final view; returns the stored bytes it accounts for (once). */
  private countFinal(content: Content, path: string, view: FinalView, seen: Set<Content>): number {
    view.fileCount += 1;
    // A further hard link to the same content holds no bytes of its own: listing it among the
    // largest files would show perl's 3.8 MB twice, once as /usr/bin/perl5.36.0.
    if (seen.has(content)) return 0;
    seen.add(content);
    view.files.push({ path, bytes: content.bytes, layer: content.layer });
    view.bytes += content.bytes;
    const cache = cacheCategoryOf(path);
    if (cache !== undefined) {
      this.tally(content.layer).waste.add(cache.id, { path, bytes: content.bytes });
    }
    return content.bytes;
  }

  private addEntry(entry: LayerEntry, layer: number, tally: LayerTally): void {
    const name = baseName(entry.path);
    if (name === "") return;
    const dir = this.ensureDir(parentPath(entry.path), layer, tally);
    if (dir === undefined) return;
    const path = childPath(dir.path, name);
    const children = dir.node.children as Map<string, LiveNode>;
    const existing = children.get(name);
    if (entry.type === "dir") {
      if (existing?.children) return;
      if (existing) this.retire(existing, path, "deleted", tally);
      children.set(name, newDir(layer));
      return;
    }
    this.countWrite(existing, path, layer, tally);
    children.set(name, this.createNode(entry, layer));
  }

  /** Counts a non-directory written at `path` as added or modified, and what it replaces. */
  private countWrite(existing: LiveNode | undefined, path: string, layer: number, t: LayerTally) {
    if (existing === undefined) {
      t.changes.added += 1;
      return;
    }
    // A second entry for one path in the same layer was counted with the first.
    if (existing.layer !== layer || existing.children) t.changes.modified += 1;
    if (existing.children) this.retire(existing, path, "deleted", t);
    else if (existing.content) this.release(existing.content, path, "overwritten");
  }

  private createNode(entry: LayerEntry, layer: number): LiveNode {
    if (entry.type === "hardlink") return this.createHardLink(entry, layer);
    // TODO: a sparse file counts at its real size, as the layer index records it, not at the
    // smaller size its tar stores; an image of sparse files shows a size above its tars'.
    const bytes = entry.type === "file" ? entry.size : 0;
    this.storedBytes += bytes;
    const node: LiveNode = { type: entry.type, layer, content: { layer, bytes, links: 1 } };
    if (entry.linkTarget !== undefined) node.linkTarget = entry.linkTarget;
    return node;
  }

  /** A hard link stores no bytes: it shows the content of the file it names, as it is now. */
  private createHardLink(entry: LayerEntry, layer: number): LiveNode {
    const target = this.locate(entry.linkTarget ?? "");
    const content = target?.node.type === "file" ? target.node.content : undefined;
    if (content === undefined) {
      return { type: "file", layer, content: { layer, bytes: 0, links: 1 } };
    }
    content.links += 1;
    return { type: "file", layer, content };
  }

  /**
   * The directory at `path`, created as tar extraction would: a missing component becomes a
   * directory and a file in the way is replaced (and counted removed). Undefined when a
   * symlinked parent loops; the scan's file tree records that as an unknown.
   */
  private ensureDir(path: string, layer: number, tally: LayerTally): Located | undefined {
    let here: Located = { node: this.root, path: "/" };
    for (const name of path.split("/").filter((p) => p !== "")) {
      const at = childPath(here.path, name);
      const children = here.node.children as Map<string, LiveNode>;
      let child = children.get(name);
      if (child?.type === "symlink") {
        const resolved = lookup(this.root, at);
        if (resolved?.node.children) {
          here = resolved;
          continue;
        }
        if (resolved === undefined && isLoop(this.root, at)) return undefined;
      }
      if (!child?.children) {
        if (child) this.retire(child, at, "deleted", tally);
        child = newDir(layer);
        children.set(name, child);
      }
      here = { node: child, path: at };
    }
    return here;
  }

  /** The node at `path` itself, parents followed but not a symlink in the last component. */
  private locate(path: string): Located | undefined {
    const parent = lookup(this.root, parentPath(path));
    const name = baseName(path);
    const node = parent?.node.children?.get(name);
    return parent && node ? { node, path: childPath(parent.path, name) } : undefined;
  }

  private removePath(path: string, tally: LayerTally): void {
    const parent = lookup(this.root, parentPath(path));
    const name = baseName(path);
    const node = parent?.node.children?.get(name);
    if (parent === undefined || node === undefined) return;
    parent.node.children?.delete(name);
    this.retire(node, childPath(parent.path, name), "deleted", tally);
  }

  private clearDir(path: string, tally: LayerTally): void {
    const dir = lookup(this.root, path);
    if (!dir?.node.children) return;
    const children = dir.node.children;
    dir.node.children = new Map();
    for (const [name, child] of children) {
      this.retire(child, childPath(dir.path, name), "deleted", tally);
    }
  }

  /** Takes a node and everything below it out of the view, each file counted removed. */
  private retire(node: LiveNode, path: string, loss: Loss, tally: LayerTally): void {
    const gone = (file: LiveNode, at: string) => {
      tally.changes.removed += 1;
      if (file.content) this.release(file.content, at, loss);
    };
    if (node.children) eachFile(node, path, gone);
    else gone(node, path);
  }

  /** One path stops showing `content`; when none does, its bytes are waste of its layer. */
  private release(content: Content, path: string, loss: Loss): void {
    content.links -= 1;
    if (content.links > 0) return;
    this.tally(content.layer).waste.add(loss, { path, bytes: content.bytes });
  }
}
