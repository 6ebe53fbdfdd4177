/**
 * The layers report on real images, its figures checked to the byte against an independent
 * replay of each layer's `tar -tv` listing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  describeWithTestImages,
  expectedLayerIndex,
  loadTestImages,
  type TestImages,
} from "../../../../test/support/test-images.js";
import { FileTree } from "../filetree/file-tree.js";
import type { LayerIndex } from "../filetree/types.js";
import { analyzeLayers } from "./analyze-layers.js";
import { buildLayersReport } from "./build-report.js";
import { cacheCategoryOf } from "./cache-paths.js";
import { type ListedEntry, listLayer, type Reckoning, reckon } from "./tar-listing.fixture.js";
import { checkThresholds } from "./thresholds.js";
import type { LayersReport, WasteCategory } from "./types.js";

const alpine = fileURLToPath(new URL("../../../../examples/alpine-310.tar.gz", import.meta.url));

function waste(report: LayersReport, layer: number, category: WasteCategory): number {
  return report.layers[layer]?.waste.find((w) => w.category === category)?.bytes ?? 0;
}

/** Bytes of the final view's files under each cache category, per layer that stored them. */
function cacheBytes(expected: Reckoning, layer: number): Map<string, number> {
  const found = new Map<string, number>();
  for (const [path, file] of expected.final) {
    const category = cacheCategoryOf(path);
    if (category === undefined || file.layer !== layer || file.bytes === 0) continue;
    found.set(category.id, (found.get(category.id) ?? 0) + file.bytes);
  }
  return found;
}

/** Non-directory paths of the scan's own squashed tree. */
function squashedFiles(indexes: readonly LayerIndex[]): number {
  const tree = new FileTree();
  for (const index of indexes) tree.applyLayer(index);
  return [...tree.walk()].filter(([, node]) => node.type !== "dir").length;
}

describe("layers of alpine 3.10 (one layer)", () => {
  let report: LayersReport;
  let listed: ListedEntry[];

  beforeAll(async () => {
    report = await analyzeLayers(`docker-archive:${alpine}`);
    const layer = "71dba1fabbde4baabcdebcde4895d3f3887e388b09cef162f8159cf7daffa1b8/layer.tar";
    listed = listLayer(`tar -xzOf '${alpine}' ${layer}`);
  });

  it("stores every byte once and keeps all of it: efficiency 1", () => {
    const expected = reckon([listed]);
    expect(report.summary.layerCount).toBe(1);
    expect(report.summary.storedBytes).toBe(expected.stored);
    expect(report.summary.finalBytes).toBe(expected.stored);
    expect(report.summary.efficiency).toBe(1);
    expect(report.summary.finalFiles).toBe(expected.final.size);
  });

  it("finds no waste but the caches the image really holds", () => {
    const caches = cacheBytes(reckon([listed]), 0);
    const wasted = [...caches.values()].reduce((a, b) => a + b, 0);
    expect(report.summary.wastedBytes).toBe(wasted);
    expect(report.layers[0]?.files).toEqual({
      added: listed.filter((e) => e.kind !== "d").length,
      modified: 0,
      removed: 0,
    });
  });

  it("credits the layer with every apk package and the image's own instruction", () => {
    const layer = report.layers[0];
    expect(layer?.packages.map((p) => p.name)).toContain("musl");
    expect(layer?.packages.every((p) => p.type === "apk")).toBe(true);
    expect(layer?.createdBy).toMatch(/ADD file:/);
    expect(layer?.uncompressedBytes).toBe(listed.reduce((sum, e) => sum + e.size, 0));
  });

  it("lists the largest files of the final view", () => {
    const sizes = listed.filter((e) => e.kind === "-").map((e) => e.size);
    expect(report.largestFiles).toHaveLength(10);
    expect(report.largestFiles[0]?.bytes).toBe(Math.max(...sizes));
    expect(report.largestDirectories[0]?.path).toBe("/lib");
  });
});

const withImages = describeWithTestImages("the Debian layers tests");

withImages("layers of the Debian test image (three layers)", () => {
  let images: TestImages;
  let report: LayersReport;
  let expected: Reckoning;
  let squashed = 0;
  let indexes: readonly LayerIndex[] = [];
  let listings: ListedEntry[][] = [];

  beforeAll(async () => {
    images = loadTestImages();
    const archive = join(images.dir, images.manifest.outputs.dockerArchive.path);
    report = await analyzeLayers(`docker-archive:${archive}`, {
      onLayers: (read) => {
        indexes = read;
        squashed = squashedFiles(read);
      },
    });
    listings = images.manifest.layers.map((l) =>
      listLayer(`tar -xOf '${archive}' ${l.diffId.slice("sha256:".length)}.tar`),
    );
    expected = reckon(listings);
  });

  it("names each layer's instruction and digests as the config records them", () => {
    expect(report.layers.map((l) => l.createdBy)).toEqual(
      images.manifest.layers.map((l) => l.createdBy),
    );
    expect(report.layers.map((l) => l.diffId)).toEqual(images.manifest.layers.map((l) => l.diffId));
  });

  it("counts the bytes of deleted files, per layer that stored them, to the byte", () => {
    for (const layer of [0, 1, 2]) {
      expect(waste(report, layer, "deleted"), `layer ${layer}`).toBe(expected.deleted[layer]);
    }
    // The apt lists of layer 1 are deleted by layer 3: tens of megabytes.
    expect(expected.deleted[0]).toBeGreaterThan(50_000_000);
  });

  it("counts the bytes of overwritten files (dpkg status, logs) to the byte", () => {
    for (const layer of [0, 1, 2]) {
      expect(waste(report, layer, "overwritten"), `layer ${layer}`).toBe(
        expected.overwritten[layer],
      );
    }
    expect(expected.overwritten[1]).toBeGreaterThan(0);
  });

  it("finds no cache left in the final view: the clean-up layer deleted the apt lists", () => {
    for (const layer of [0, 1, 2]) expect(cacheBytes(expected, layer).size).toBe(0);
    expect(report.summary.waste.map((w) => w.category).sort()).toEqual(["deleted", "overwritten"]);
    const deleted = report.layers[1]?.waste.find((w) => w.category === "deleted");
    expect(deleted?.largest[0]?.path).toMatch(/^\/var\/lib\/apt\/lists\/.*Translation-en$/);
  });

  it("counts the apt lists as a cache left behind in the image as it stood after apt-get", () => {
    const twoLayers = buildLayersReport({
      source: report.source,
      indexes: indexes.slice(0, 2),
      packages: [],
    });
    const before = reckon(listings.slice(0, 2));
    for (const layer of [0, 1]) {
      const caches = cacheBytes(before, layer);
      expect(caches.get("apt-lists"), `layer ${layer}`).toBeGreaterThan(1_000_000);
      for (const [category, bytes] of caches) {
        expect(waste(twoLayers, layer, category as WasteCategory), category).toBe(bytes);
      }
    }
    expect(twoLayers.summary.waste.find((w) => w.category === "apt-lists")?.hint).toMatch(
      /apt-get update/,
    );
  });

  it("sums the image: stored, final, wasted and the efficiency", () => {
    const finalBytes = [...expected.final.values()].reduce((sum, f) => sum + f.bytes, 0);
    const s = report.summary;
    expect(s.storedBytes).toBe(expected.stored);
    expect(s.finalBytes).toBe(finalBytes);
    expect(s.finalFiles).toBe(expected.final.size);
    expect(s.finalFiles).toBe(squashed);
    expect(s.efficiency).toBeCloseTo(finalBytes / expected.stored, 12);
    const layerWaste = report.layers.reduce((sum, l) => sum + l.wastedBytes, 0);
    expect(s.wastedBytes).toBe(layerWaste);
    expect(s.wastedBytes).toBeGreaterThanOrEqual(expected.stored - finalBytes);
  });

  it("counts the files the clean-up layer removes", () => {
    const top = report.layers[2];
    const removedPaths = images.purgedFiles.length;
    expect(top?.files.removed).toBeGreaterThan(removedPaths);
    expect(report.layers[0]?.files.removed).toBe(0);
  });

  it("credits each layer with the Debian packages it installed", () => {
    const debs = (i: number) =>
      report.layers[i]?.packages
        .filter((p) => p.type === "deb")
        .map((p) => `${p.name} ${p.version}`);
    const top = images.layerPackages[images.layerPackages.length - 1] ?? [];
    for (const layer of [0, 1, 2]) {
      const want = top
        .filter((p) => expectedLayerIndex(images.layerPackages, p) === layer)
        .map((p) => `${p.name} ${p.version}`);
      expect(debs(layer)?.sort(), `layer ${layer}`).toEqual(want.sort());
    }
  });

  it("fails the default CI thresholds: the deleted apt lists sink the efficiency", () => {
    const crossed = checkThresholds(report.summary, {
      lowestEfficiency: 0.9,
      highestWastedBytes: 20_000_000,
    });
    expect(crossed.map((c) => c.name)).toEqual(["lowest-efficiency", "highest-wasted-bytes"]);
  });

  it("reports the stored blob sizes of an OCI layout as the compressed sizes", async () => {
    const oci = join(images.dir, images.manifest.outputs.ociDir.path);
    const fromOci = await analyzeLayers(`oci-dir:${oci}`);
    const blobSize = (digest: string) =>
      readFileSync(join(oci, "blobs", "sha256", digest.slice("sha256:".length))).length;
    expect(fromOci.layers.map((l) => l.compressedBytes)).toEqual(
      images.manifest.layers.map((l) => blobSize(l.ociDigest)),
    );
    expect(fromOci.summary.wastedBytes).toBe(report.summary.wastedBytes);
    expect(fromOci.summary.efficiency).toBe(report.summary.efficiency);
  });
});
