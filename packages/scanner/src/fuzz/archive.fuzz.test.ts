/**
 * Hostile layers and archives: damaged tars (ustar, pax, GNU with long names, links, whiteouts
 * and sparse files), gzip and zstd streams, and `docker save` archives. Each input ends in a
 * result or a clear error within its bounds, and no path it yields can reach outside the image.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ImageFormatError } from "../errors.js";
import { decompress } from "../filetree/decompress.js";
import { createLayerIndex, readLayerTar } from "../filetree/layer-reader.js";
import { tarBytes } from "../filetree/tar-helper.fixture.js";
import type { CapturePolicy, LayerIndex } from "../filetree/types.js";
import { indexTar } from "../source/archive/tar-index.js";
import { expectClearError, runBounded, settledHeap } from "./bounded.fixture.js";
import { mutatedFrom } from "./mutate.fixture.js";
import { isSafeImagePath, seedFiles } from "./seeds.fixture.js";
import { fuzzParameters, fuzzTimeout } from "./settings.fixture.js";
import { tarMutatedFrom } from "./tar-mutate.fixture.js";

const RUNS = 300;
const MAX_CAPTURE = 64 * 1024;
const bounds = { timeMs: 2_000, heapBytes: 32 << 20 };
const keepAll: CapturePolicy = { wants: () => true, maxSize: () => MAX_CAPTURE };

const layerSeeds = seedFiles(
  "fuzz/testdata/gnu.tar",
  "fuzz/testdata/pax.tar",
  "fuzz/testdata/ustar.tar",
  "fuzz/testdata/pax.tar.gz",
  "fuzz/testdata/gnu.tar.zst",
);

/** A layer blob read as the sources read one: sniffed, decompressed, then indexed. */
async function readBlob(bytes: Buffer): Promise<LayerIndex> {
  const index = createLayerIndex(0);
  const { stream } = await decompress(Readable.from([bytes]));
  return readLayerTar(stream, index, keepAll, "layer-0");
}

function expectContained(index: LayerIndex): void {
  const paths = [
    ...index.entries.map((e) => e.path),
    ...index.whiteouts,
    ...index.opaqueDirs,
    ...index.captured.keys(),
  ];
  for (const path of paths) expect(isSafeImagePath(path), path).toBe(true);
  for (const e of index.entries) {
    if (e.type === "hardlink" && e.linkTarget) expect(isSafeImagePath(e.linkTarget)).toBe(true);
  }
  for (const bytes of index.captured.values())
    expect(bytes.length).toBeLessThanOrEqual(MAX_CAPTURE);
}

/** A small `docker save` archive: manifest, config and one layer. */
async function dockerSave(): Promise<Buffer> {
  const layer = layerSeeds[2] as Buffer;
  return tarBytes([
    { name: "manifest.json", body: '[{"Config":"c.json","Layers":["l/layer.tar"]}]' },
    { name: "c.json", body: '{"rootfs":{"type":"layers","diff_ids":[]}}' },
    { name: "l/layer.tar", body: layer.toString("latin1") },
  ]);
}

describe("hostile layers", () => {
  const heapAtStart = settledHeap();
  afterAll(() => {
    // What the cases left behind once collected: a leak shows here, garbage does not.
    expect(settledHeap() - heapAtStart).toBeLessThan(64 << 20);
  });

  it(
    "a damaged layer blob is indexed or fails clearly, every path inside the image",
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedFrom(layerSeeds), async (bytes) => {
          const outcome = await runBounded(() => readBlob(bytes), bytes.length, bounds);
          // decompress may refuse a stream; the sources turn that into an unknown.
          expectClearError(outcome, [Error]);
          if ("value" in outcome) expectContained(outcome.value);
        }),
        fuzzParameters(RUNS),
      );
    },
    fuzzTimeout(RUNS, bounds.timeMs),
  );

  it(
    "a crafted layer tar (hostile header fields, checksums right) is indexed inside the image",
    async () => {
      const tars = layerSeeds.slice(0, 3);
      await fc.assert(
        fc.asyncProperty(tarMutatedFrom(tars), async (bytes) => {
          const outcome = await runBounded(() => readBlob(bytes), bytes.length, bounds);
          expectClearError(outcome, []);
          if ("value" in outcome) expectContained(outcome.value);
        }),
        fuzzParameters(RUNS),
      );
    },
    fuzzTimeout(RUNS, bounds.timeMs),
  );

  it(
    "a damaged archive is indexed by its headers or refused with ImageFormatError",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "lading-fuzz-"));
      const seeds = [await dockerSave(), ...layerSeeds.slice(0, 3)];
      try {
        await fc.assert(
          fc.asyncProperty(fc.oneof(mutatedFrom(seeds), tarMutatedFrom(seeds)), async (bytes) => {
            const file = join(dir, "archive.tar");
            writeFileSync(file, bytes);
            const handle = await open(file, "r");
            try {
              const outcome = await runBounded(
                () => indexTar(handle, "archive.tar"),
                bytes.length,
                bounds,
              );
              expectClearError(outcome, [ImageFormatError]);
              if (!("value" in outcome)) return;
              for (const m of outcome.value.values()) {
                expect(m.offset + m.size).toBeLessThanOrEqual(bytes.length);
              }
            } finally {
              await handle.close();
            }
          }),
          fuzzParameters(RUNS),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    fuzzTimeout(RUNS, bounds.timeMs),
  );
});
