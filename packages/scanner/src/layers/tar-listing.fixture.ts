/**
 * Expected layer figures computed without the scanner: each layer tar is listed by GNU tar
 * (`tar -tv`) and replayed on a flat map of paths, so the tests compare the report against an
 * independent reckoning of the same bytes.
 */
import { spawnSync } from "node:child_process";

/** One member as `tar -tv --numeric-owner` prints it. */
export interface ListedEntry {
  /** `-` file, `d` directory, `l` symlink, `h` hard link, ... */
  kind: string;
  size: number;
  /** Absolute path, without the trailing slash tar prints for directories. */
  path: string;
  /** Hard link target, absolute. */
  linkTarget?: string;
}

/** Lists a layer tar that `command` writes to stdout (a shell pipeline). */
export function listLayer(command: string): ListedEntry[] {
  const run = spawnSync(
    "sh",
    ["-c", `${command} | tar -tv --numeric-owner --quoting-style=literal`],
    {
      encoding: "utf8",
      maxBuffer: 256 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`listing failed: ${run.stderr}`);
  return run.stdout.split("\n").filter(Boolean).map(parseLine);
}

const LINE = /^(\S)\S*\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(.*)$/;

function parseLine(line: string): ListedEntry {
  const match = LINE.exec(line);
  if (!match) throw new Error(`unexpected tar listing line: ${line}`);
  const [, kind = "", size = "0", rest = ""] = match;
  let name = rest;
  let linkTarget: string | undefined;
  if (kind === "l") name = rest.slice(0, rest.indexOf(" -> "));
  if (kind === "h") {
    const at = rest.indexOf(" link to ");
    name = rest.slice(0, at);
    linkTarget = absolute(rest.slice(at + " link to ".length));
  }
  return { kind, size: Number(size), path: absolute(name), linkTarget };
}

function absolute(name: string): string {
  return `/${name.replace(/^\.?\/+/, "").replace(/\/+$/, "")}`;
}

/** What the replay found, per layer: bytes lost by deletion and by overwriting, and the view. */
export interface Reckoning {
  deleted: number[];
  overwritten: number[];
  /** Path → [layer, bytes stored] of every non-directory in the final view. */
  final: Map<string, { layer: number; bytes: number; kind: string }>;
  stored: number;
}

/**
 * Replays listed layers on a flat map: whiteouts and opaque markers delete by path prefix, a
 * rewrite of a non-directory overwrites it. A hard link stores no bytes (tar gives it size 0).
 */
export function reckon(layers: ListedEntry[][]): Reckoning {
  const r: Reckoning = { deleted: [], overwritten: [], final: new Map(), stored: 0 };
  const dirs = new Set<string>();
  layers.forEach((entries, layer) => {
    r.deleted[layer] = 0;
    r.overwritten[layer] = 0;
    const name = (e: ListedEntry) => e.path.slice(e.path.lastIndexOf("/") + 1);
    const parent = (e: ListedEntry) => e.path.slice(0, e.path.lastIndexOf("/"));
    for (const e of entries.filter((e) => name(e) === ".wh..wh..opq")) {
      removeBelow(r, dirs, `${parent(e)}/`);
    }
    for (const e of entries.filter(
      (e) => name(e).startsWith(".wh.") && name(e) !== ".wh..wh..opq",
    )) {
      const target = `${parent(e)}/${name(e).slice(4)}`;
      removeExact(r, target);
      removeBelow(r, dirs, `${target}/`);
      dirs.delete(target);
    }
    for (const e of entries.filter((e) => !name(e).startsWith(".wh."))) {
      if (e.kind === "d") {
        removeExact(r, e.path);
        dirs.add(e.path);
        continue;
      }
      const old = r.final.get(e.path);
      if (old) r.overwritten[old.layer] = (r.overwritten[old.layer] ?? 0) + old.bytes;
      if (dirs.has(e.path)) removeBelow(r, dirs, `${e.path}/`);
      const bytes = e.kind === "-" ? e.size : 0;
      r.stored += bytes;
      r.final.set(e.path, { layer, bytes, kind: e.kind });
    }
  });
  return r;
}

function removeExact(r: Reckoning, path: string): void {
  const old = r.final.get(path);
  if (!old) return;
  r.deleted[old.layer] = (r.deleted[old.layer] ?? 0) + old.bytes;
  r.final.delete(path);
}

function removeBelow(r: Reckoning, dirs: Set<string>, prefix: string): void {
  for (const [path, old] of r.final) {
    if (!path.startsWith(prefix)) continue;
    r.deleted[old.layer] = (r.deleted[old.layer] ?? 0) + old.bytes;
    r.final.delete(path);
  }
  for (const dir of dirs) if (dir.startsWith(prefix)) dirs.delete(dir);
}
