import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createCapturePolicy } from "../../capture-policy.js";
import { catalogers } from "../../catalog/registry.js";
import { DigestMismatchError } from "../../errors.js";
import type { LayerIndex, PortablePolicy } from "../../filetree/types.js";
import { openTarFiles } from "../archive/tar-files.js";
import { indexBlobLayers } from "../blob-layers.js";
import { planDockerArchive } from "../docker-archive/plan-docker-archive.js";
import { alpineTar } from "../image-fixtures.fixture.js";
import { createOrderedSink, indexInWorkers, type LocatedLayer } from "./worker-pool.js";

// Workers run built JavaScript: the sources have no worker entry. CI builds before testing.
const dist = new URL("../../../dist/", import.meta.url);
const entry = new URL("source/worker/layer-worker.js", dist);
const built = existsSync(fileURLToPath(entry));
const portable: PortablePolicy = {
  module: new URL("catalog/registry.js", dist).href,
  names: catalogers.map((c) => c.name),
};

async function alpineLayers(): Promise<LocatedLayer[]> {
  const files = await openTarFiles(alpineTar());
  const plan = await planDockerArchive(files, {});
  const located = plan.layers.map(async ({ info, name }) => ({
    info,
    open: () => files.open(name),
    location: (await files.locate?.(name)) as LocatedLayer["location"],
  }));
  return Promise.all(located);
}

describe.skipIf(!built)("indexInWorkers (built worker)", () => {
  it("reads a real layer as the calling thread does", async () => {
    const layers = await alpineLayers();
    const inThread = await indexBlobLayers(layers, createCapturePolicy(catalogers));
    const inWorkers = await indexInWorkers(layers, portable, 2, undefined, entry);
    expect(inWorkers).toEqual(inThread);
    expect(inWorkers[0]?.entries.length).toBe(inThread[0]?.entries.length);
    expect(inWorkers[0]?.captured.get("/lib/apk/db/installed")?.length).toBeGreaterThan(1000);
  });

  it("fails with DigestMismatchError when a blob is not what the manifest says", async () => {
    const [layer] = await alpineLayers();
    const info = { ...(layer as LocatedLayer).info, digest: `sha256:${"0".repeat(64)}` };
    const wrong = { ...(layer as LocatedLayer), info };
    const read = indexInWorkers([wrong], portable, 1, undefined, entry);
    await expect(read).rejects.toBeInstanceOf(DigestMismatchError);
  });
});

describe("createOrderedSink", () => {
  const index = (layerIndex: number) => ({ layerIndex }) as LayerIndex;

  it("hands indexes over bottom first whatever order they finish in, keeping none", () => {
    const seen: number[] = [];
    const sink = createOrderedSink(3, (i) => seen.push(i.layerIndex));
    sink.put(2, index(2));
    expect(seen).toEqual([]);
    sink.put(0, index(0));
    expect(seen).toEqual([0]);
    sink.put(1, index(1));
    expect(seen).toEqual([0, 1, 2]);
    expect(sink.kept).toEqual([]);
  });

  it("keeps them by position without a callback", () => {
    const sink = createOrderedSink(2);
    sink.put(1, index(1));
    sink.put(0, index(0));
    expect(sink.kept.map((i) => i.layerIndex)).toEqual([0, 1]);
  });
});
