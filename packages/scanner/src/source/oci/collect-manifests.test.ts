import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ImageFormatError } from "../../errors.js";
import type { ImageFiles } from "../archive/image-files.js";
import { collectManifests } from "./collect-manifests.js";
import type { Descriptor } from "./types.js";

const INDEX = "application/vnd.oci.image.index.v1+json";
const MANIFEST = "application/vnd.oci.image.manifest.v1+json";

/** A layout held in memory, counting the blobs read. */
function memoryLayout() {
  const blobs = new Map<string, Buffer>();
  let reads = 0;
  const files: ImageFiles = {
    label: "memory",
    size: async (name) => blobs.get(name)?.length,
    read: async (name) => {
      reads++;
      const bytes = blobs.get(name);
      if (bytes === undefined) throw new ImageFormatError(`no ${name}`);
      return bytes;
    },
    digest: async () => "",
    head: async (name, n) => (blobs.get(name) ?? Buffer.alloc(0)).subarray(0, n),
  };
  const put = (json: unknown, mediaType: string, ref?: string): Descriptor => {
    const bytes = Buffer.from(JSON.stringify(json));
    const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
    blobs.set(`blobs/sha256/${digest.slice(7)}`, bytes);
    const annotations: Record<string, string> = ref
      ? { "org.opencontainers.image.ref.name": ref }
      : {};
    return { mediaType, digest, size: bytes.length, annotations };
  };
  return { files, put, reads: () => reads };
}

const config = {
  mediaType: "application/vnd.oci.image.config.v1+json",
  digest: `sha256:${"a".repeat(64)}`,
  size: 2,
};

describe("collectManifests", () => {
  it("reads each index once when indexes list the same index 100 times, three deep", async () => {
    const layout = memoryLayout();
    let below = layout.put({ schemaVersion: 2, config, layers: [] }, MANIFEST);
    for (let level = 0; level < 3; level++) {
      below = layout.put({ schemaVersion: 2, manifests: Array(100).fill(below) }, INDEX);
    }
    const found = await collectManifests(layout.files, [below]);
    expect(found).toHaveLength(1);
    expect(layout.reads()).toBe(4);
  });

  it("gives a manifest listed under two names one entry with both names", async () => {
    const layout = memoryLayout();
    const manifest = layout.put({ schemaVersion: 2, config, layers: [] }, MANIFEST);
    const tagged = (ref: string) => ({
      ...manifest,
      annotations: { "org.opencontainers.image.ref.name": ref },
    });
    const found = await collectManifests(layout.files, [tagged("1.0"), tagged("latest")]);
    expect(found.map((f) => f.names)).toEqual([["1.0", "latest"]]);
  });
});
