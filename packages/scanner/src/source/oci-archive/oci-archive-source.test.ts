import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { SourceError } from "../../errors.js";
import { FileTree } from "../../filetree/file-tree.js";
import type { CapturePolicy } from "../../filetree/types.js";
import { scan } from "../../scan.js";
import {
  skopeoCopy,
  syntheticImage,
  tarBytes,
  tarDirectory,
  writeOciLayout,
} from "../image-fixtures.fixture.js";
import { resolveSource } from "../registry.js";
import type { SourceOptions } from "../types.js";
import { ociArchiveSource } from "./oci-archive-source.js";

const policy: CapturePolicy = { wants: (p) => p.startsWith("/etc/"), maxSize: () => 1 << 20 };

async function readTree(path: string, options: SourceOptions = {}) {
  const opened = await ociArchiveSource.open(path, options);
  const tree = new FileTree();
  for (const index of await opened.index(policy)) tree.applyLayer(index);
  await opened.close();
  return { tree, metadata: opened.metadata };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lading-oci-archive-"));
});

describe("oci-archive", () => {
  it("reads skopeo's oci-archive, plain and gzip-compressed, to the same image", async () => {
    const out = skopeoCopy("skopeo-oci-archive", [], (o) => `oci-archive:${o}/img.tar:3.10`);
    const plain = join(out, "img.tar");
    const gzipped = join(dir, "img.tar.gz");
    writeFileSync(gzipped, gzipSync(readFileSync(plain)));
    for (const path of [plain, gzipped]) {
      expect((await resolveSource(path)).source.kind).toBe("oci-archive");
      const result = await scan(path, { catalogers: [] });
      expect(result.distro).toMatchObject({ id: "alpine", versionId: "3.10.4" });
      expect(result.image).toMatchObject({ repoTags: ["3.10"], architecture: "amd64" });
      expect(result.image?.manifestDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(result.unknowns).toEqual([]);
    }
  });

  it("picks one platform from an archived multi-platform layout", async () => {
    const layout = join(dir, "layout");
    const amd = syntheticImage(
      [await tarBytes([{ name: "etc/arch", body: "amd64\n" }])],
      "linux/amd64",
    );
    const arm = syntheticImage(
      [await tarBytes([{ name: "etc/arch", body: "arm\n" }])],
      "linux/arm/v7",
    );
    writeOciLayout(layout, [
      { image: amd, platform: "linux/amd64" },
      { image: arm, platform: "linux/arm/v7", gzip: true },
    ]);
    const path = join(dir, "multi.tar");
    tarDirectory(layout, path);
    expect(await ociArchiveSource.detect(path)).toBe(true);
    const { tree, metadata } = await readTree(path, { platform: "linux/arm/v7" });
    expect(tree.read("/etc/arch")?.toString()).toBe("arm\n");
    expect(metadata?.labels).toEqual({ "org.example.fixture": "x" });
    await expect(readTree(path)).rejects.toThrow(SourceError);
  });
});
