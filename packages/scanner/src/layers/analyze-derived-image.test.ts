/**
 * The layers report on an image built FROM the Debian test image with two more layers, whose
 * waste is known before any tar is read: a 3,000,000-byte file written then deleted, and bash
 * stored again whole by a `chmod` (see derived-image.fixture.ts). Figures asserted to the byte.
 */
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkTestImages,
  loadTestImages,
  type TestImages,
} from "../../../../test/support/test-images.js";
import { analyzeLayers } from "./analyze-layers.js";
import {
  BLOB_BYTES,
  type DerivedImage,
  DUPLICATED_PATH,
  loadDerivedImage,
} from "./derived-image.fixture.js";
import type { LayersReport, WasteCategory } from "./types.js";

function waste(report: LayersReport, layer: number, category: WasteCategory): number {
  return report.layers[layer]?.waste.find((w) => w.category === category)?.bytes ?? 0;
}

const check = checkTestImages();
const tools = ["umoci", "skopeo"].filter((t) => spawnSync("which", [t]).status !== 0);
const why = !check.ok ? check.reason : tools.length > 0 ? `missing ${tools.join(", ")}` : undefined;
const required = Boolean(process.env.LADING_REQUIRE_TEST_IMAGES);
if (why && !required) console.warn(`skipping the derived-image layers tests: ${why}`);

describe.skipIf(why !== undefined && !required)("layers of an image derived from Debian", () => {
  let images: TestImages;
  let derived: DerivedImage;
  let base: LayersReport;
  let report: LayersReport;

  beforeAll(async () => {
    images = loadTestImages();
    derived = loadDerivedImage(images);
    base = await analyzeLayers(`oci-dir:${images.dir}/${images.manifest.outputs.ociDir.path}`);
    report = await analyzeLayers(`oci-dir:${derived.layout}`);
  }, 300_000);

  it("keeps the base's three layers and adds the two steps", () => {
    expect(report.layers.map((l) => l.diffId).slice(0, 3)).toEqual(
      images.manifest.layers.map((l) => l.diffId),
    );
    expect(report.layers.map((l) => l.createdBy)).toEqual([
      ...images.manifest.layers.map((l) => l.createdBy),
      `/bin/sh -c head -c ${BLOB_BYTES} /dev/urandom > /opt/blob.bin && chmod 0700 ${DUPLICATED_PATH}`,
      "/bin/sh -c rm /opt/blob.bin",
    ]);
  });

  it("counts the file written in layer 4 and deleted in layer 5 as exactly its bytes", () => {
    expect(waste(report, 3, "deleted")).toBe(BLOB_BYTES);
    expect(report.layers[3]?.waste.find((w) => w.category === "deleted")?.largest).toEqual([
      { path: "/opt/blob.bin", bytes: BLOB_BYTES },
    ]);
    expect(report.layers[4]?.files).toEqual({ added: 0, modified: 0, removed: 1 });
    expect(report.layers[4]?.uncompressedBytes).toBe(0);
  });

  it("counts bash, stored again by chmod, as overwritten in the layer below, to the byte", () => {
    expect(derived.duplicatedBytes).toBeGreaterThan(1_000_000);
    expect(waste(report, 0, "overwritten")).toBe(
      waste(base, 0, "overwritten") + derived.duplicatedBytes,
    );
    const largest = report.layers[0]?.waste.find((w) => w.category === "overwritten")?.largest;
    expect(largest).toContainEqual({ path: DUPLICATED_PATH, bytes: derived.duplicatedBytes });
    expect(report.layers[3]?.files).toEqual({ added: 1, modified: 1, removed: 0 });
    expect(report.layers[3]?.uncompressedBytes).toBe(BLOB_BYTES + derived.duplicatedBytes);
  });

  it("adds exactly those bytes to the stored and wasted totals, and none to the final view", () => {
    const added = BLOB_BYTES + derived.duplicatedBytes;
    const s = report.summary;
    expect(s.storedBytes).toBe(base.summary.storedBytes + added);
    expect(s.wastedBytes).toBe(base.summary.wastedBytes + added);
    expect(s.finalBytes).toBe(base.summary.finalBytes);
    expect(s.finalFiles).toBe(base.summary.finalFiles);
    expect(s.efficiency).toBeCloseTo(s.finalBytes / s.storedBytes, 12);
  });
});
