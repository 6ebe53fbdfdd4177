import { createHash, randomBytes } from "node:crypto";
import {
  mkdir,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
  utimes,
  writeFile,
} from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { LayerIndex } from "../../filetree/types.js";
import type { LayerCacheStore } from "../types.js";

/** First bytes of every entry; a new layout of entries gets a new magic, so old ones are misses. */
const MAGIC = Buffer.from("LADING-LAYER-1\n");
const HASH_BYTES = 32;

/** Where and how much the cache keeps. */
export interface DiskLayerCacheOptions {
  dir: string;
  /** Total bytes of entries kept; the least recently used go first beyond it. */
  maxBytes?: number;
}

/**
 * Layer indexes on disk, one file per layer and capture policy. Entries are written to a temp
 * file and renamed into place, so a reader in another process sees a whole entry or none; each
 * carries a hash of its body, so a torn or tampered entry is dropped, never trusted. Reads
 * touch the entry's mtime, which orders eviction.
 */
export class DiskLayerCache implements LayerCacheStore {
  readonly dir: string;
  readonly maxBytes: number;

  constructor(options: DiskLayerCacheOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes ?? 2 * 1024 ** 3;
  }

  async get(diffId: string, policyKey: string): Promise<LayerIndex | undefined> {
    const path = this.#path(diffId, policyKey);
    const bytes = await readFile(path).catch(() => undefined);
    if (bytes === undefined) return undefined;
    const index = decodeEntry(bytes);
    if (index === undefined) {
      await unlink(path).catch(() => {});
      return undefined;
    }
    const now = new Date();
    await utimes(path, now, now).catch(() => {});
    return index;
  }

  async put(diffId: string, policyKey: string, index: LayerIndex): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const path = this.#path(diffId, policyKey);
    const temp = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(temp, encodeEntry(index));
    await rename(temp, path);
    await this.evict();
  }

  /** Deletes the least recently used entries until the total fits `maxBytes`. */
  async evict(): Promise<void> {
    const entries = await this.#entries();
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    for (const entry of entries.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
      if (total <= this.maxBytes) return;
      await unlink(entry.path).catch(() => {});
      total -= entry.size;
    }
  }

  async #entries() {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const found = await Promise.all(
      names
        .filter((n) => n.endsWith(".layer"))
        .map(async (n) => {
          const path = join(this.dir, n);
          const s = await stat(path).catch(() => undefined);
          return s && { path, size: s.size, mtimeMs: s.mtimeMs };
        }),
    );
    return found.filter((e) => e !== undefined);
  }

  #path(diffId: string, policyKey: string): string {
    const name = createHash("sha256").update(`${diffId}\0${policyKey}`).digest("hex");
    return join(this.dir, `${name}.layer`);
  }
}

function encodeEntry(index: LayerIndex): Buffer {
  const body = serialize({ ...index, layerIndex: -1 });
  const hash = createHash("sha256").update(body).digest();
  return Buffer.concat([MAGIC, hash, body]);
}

function decodeEntry(bytes: Buffer): LayerIndex | undefined {
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const hash = bytes.subarray(MAGIC.length, MAGIC.length + HASH_BYTES);
  const body = bytes.subarray(MAGIC.length + HASH_BYTES);
  if (!createHash("sha256").update(body).digest().equals(hash)) return undefined;
  try {
    const value = deserialize(body) as LayerIndex;
    return isLayerIndex(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isLayerIndex(value: LayerIndex): boolean {
  return (
    Array.isArray(value?.entries) &&
    Array.isArray(value.whiteouts) &&
    Array.isArray(value.opaqueDirs) &&
    Array.isArray(value.unknowns) &&
    value.captured instanceof Map &&
    typeof value.bytes === "number"
  );
}
