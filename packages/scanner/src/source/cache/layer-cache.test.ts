import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLayerIndex } from "../../filetree/layer-reader.js";
import type { LayerIndex } from "../../filetree/types.js";
import { DiskLayerCache } from "./layer-cache.js";
import { capturePolicyKey } from "./policy-key.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "lading-cache-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sampleIndex(fill = 1): LayerIndex {
  const index = createLayerIndex(3);
  index.entries.push({ path: "/etc/os-release", type: "file", size: 10, mode: 0o644 });
  index.whiteouts.push("/tmp/gone");
  index.captured.set("/etc/os-release", Buffer.alloc(fill * 1000, "x"));
  index.unknowns.push({ path: "/bad", layer: "sha256:l", reason: "broken" });
  index.bytes = 4096;
  return index;
}

describe("DiskLayerCache", () => {
  it("gives back what it was given, under the same diff ID and key only", async () => {
    const cache = new DiskLayerCache({ dir });
    await cache.put("sha256:a", "k1", sampleIndex());
    const back = await cache.get("sha256:a", "k1");
    expect(back).toEqual({ ...sampleIndex(), layerIndex: -1 });
    expect(back?.captured.get("/etc/os-release")).toBeInstanceOf(Buffer);
    expect(await cache.get("sha256:a", "k2")).toBeUndefined();
    expect(await cache.get("sha256:b", "k1")).toBeUndefined();
  });

  it("drops an entry that was torn or tampered with", async () => {
    const cache = new DiskLayerCache({ dir });
    await cache.put("sha256:a", "k", sampleIndex());
    const [name] = readdirSync(dir);
    const path = join(dir, name as string);
    const bytes = readFileSync(path);
    bytes[bytes.length - 5] ^= 0xff;
    writeFileSync(path, bytes);
    expect(await cache.get("sha256:a", "k")).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("evicts the least recently used entries beyond its size", async () => {
    const one = 50_000;
    const cache = new DiskLayerCache({ dir, maxBytes: one * 3.5 });
    for (const id of ["a", "b", "c"]) {
      await cache.put(`sha256:${id}`, "k", sampleIndex(50));
      await new Promise((r) => setTimeout(r, 20));
    }
    await cache.get("sha256:a", "k");
    await cache.put("sha256:d", "k", sampleIndex(50));
    const kept = await Promise.all(
      ["a", "b", "c", "d"].map((id) => cache.get(`sha256:${id}`, "k")),
    );
    expect(kept.map((k) => k !== undefined)).toEqual([true, false, true, true]);
    const total = readdirSync(dir).reduce((sum, n) => sum + statSync(join(dir, n)).size, 0);
    expect(total).toBeLessThanOrEqual(one * 3.5);
  });

  it("stays whole under concurrent writers and readers of one entry", async () => {
    const caches = [0, 1, 2, 3].map(() => new DiskLayerCache({ dir }));
    const work = caches.flatMap((c, i) => [
      c.put("sha256:same", "k", sampleIndex(i + 1)),
      c.get("sha256:same", "k"),
    ]);
    const results = await Promise.all(work);
    for (const got of results.filter(Boolean) as LayerIndex[]) expect(got.entries).toHaveLength(1);
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect((await caches[0]?.get("sha256:same", "k"))?.bytes).toBe(4096);
  });
});

describe("capturePolicyKey", () => {
  it("changes with the readers and their limits, not their order", () => {
    const a = { name: "dpkg", maxFileSize: 10 };
    const b = { name: "apk", maxFileSize: 20 };
    const key = (readers: (typeof a)[]) => capturePolicyKey(readers)();
    expect(key([a, b])).toBe(key([b, a]));
    expect(key([a, b])).not.toBe(key([a]));
    expect(key([a])).not.toBe(key([{ ...a, maxFileSize: 11 }]));
  });

  it("hashes the code that builds indexes, so a changed cataloger misses the cache", () => {
    const key = capturePolicyKey([{ name: "dpkg", maxFileSize: 10 }]);
    expect(key()).toMatch(/^[0-9a-f]{64}$/);
    expect(key()).toBe(key());
  });
});
