import { lstat, open, readdir, readlink, stat } from "node:fs/promises";
import { join } from "node:path";
import { SourceError } from "../../errors.js";
import { createLayerIndex } from "../../filetree/layer-reader.js";
import type { CapturePolicy, LayerEntry, LayerIndex } from "../../filetree/types.js";
import type { OpenedSource, SourceKind } from "../types.js";

/**
 * A root file system or source tree on disk (`dir:PATH`). It is walked once without following
 * symlinks, so a link pointing outside the directory is recorded, never read through.
 */
export const dirSource = {
  kind: "dir",
  async detect(path: string) {
    return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
  },
  async open(target: string): Promise<OpenedSource> {
    const info = await stat(target).catch((err) => {
      throw new SourceError(`cannot read directory ${target}: ${(err as Error).message}`, {
        cause: err,
      });
    });
    if (!info.isDirectory()) throw new SourceError(`${target} is not a directory`);
    return {
      index: async (policy) => [await walkDir(target, policy)],
      close: async () => {},
    };
  },
} satisfies SourceKind;

async function walkDir(root: string, policy: CapturePolicy): Promise<LayerIndex> {
  const index = createLayerIndex(0);
  const pending: string[] = ["/"];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let names: string[];
    try {
      names = await readdir(join(root, dir));
    } catch (err) {
      index.unknowns.push({
        path: dir,
        reason: `directory not readable: ${(err as Error).message}`,
      });
      continue;
    }
    for (const name of names.sort()) {
      const path = dir === "/" ? `/${name}` : `${dir}/${name}`;
      const entry = await describe(root, path, index);
      if (entry === undefined) continue;
      index.entries.push(entry);
      if (entry.type === "dir") pending.push(path);
      else if (entry.type === "file" && policy.wants(path))
        await capture(root, entry, index, policy);
    }
  }
  return index;
}

async function describe(
  root: string,
  path: string,
  index: LayerIndex,
): Promise<LayerEntry | undefined> {
  try {
    const st = await lstat(join(root, path));
    if (st.isSymbolicLink()) {
      const linkTarget = await readlink(join(root, path));
      return { path, type: "symlink", size: 0, mode: st.mode & 0o7777, linkTarget };
    }
    const type = st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
    index.bytes += type === "file" ? st.size : 0;
    return { path, type, size: st.size, mode: st.mode & 0o7777 };
  } catch (err) {
    index.unknowns.push({ path, reason: `not readable: ${(err as Error).message}` });
    return undefined;
  }
}

async function capture(root: string, entry: LayerEntry, index: LayerIndex, policy: CapturePolicy) {
  const limit = policy.maxSize(entry.path);
  if (entry.size > limit) {
    index.unknowns.push({
      path: entry.path,
      reason: `file is ${entry.size} bytes, over the ${limit}-byte read limit; not read`,
    });
    return;
  }
  try {
    const handle = await open(join(root, entry.path), "r");
    try {
      const content = await handle.readFile();
      // As a layer's reader does: only what the readers keep, condensed where they condense it.
      const kept = policy.keep === undefined ? content : await policy.keep(entry.path, content);
      if (kept !== undefined) index.captured.set(entry.path, kept);
    } finally {
      await handle.close();
    }
  } catch (err) {
    index.unknowns.push({ path: entry.path, reason: `not readable: ${(err as Error).message}` });
  }
}
