import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DigestMismatchError, ImageFormatError, SourceError } from "../../errors.js";
import { FileTree } from "../../filetree/file-tree.js";
import type { CapturePolicy } from "../../filetree/types.js";
import { scan } from "../../scan.js";
import {
  sha256,
  skopeoCopy,
  syntheticImage,
  tarBytes,
  writeOciLayout,
} from "../image-fixtures.fixture.js";
import { resolveSource } from "../registry.js";
import type { SourceOptions } from "../types.js";
import { ociDirSource } from "./oci-dir-source.js";

const policy: CapturePolicy = { wants: (p) => p.startsWith("/etc/"), maxSize: () => 1 << 20 };

async function readTree(path: string, options: SourceOptions = {}) {
  const opened = await ociDirSource.open(path, options);
  const tree = new FileTree();
  for (const index of await opened.index(policy)) tree.applyLayer(index);
  await opened.close();
  return { tree, metadata: opened.metadata };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lading-oci-dir-"));
});

function json(path: string) {
  return JSON.parse(readFileSync(path, "utf8"));
}

describe("oci-dir from skopeo", () => {
  it("reads a gzip layout with its manifest digest and ref name", async () => {
    const layout = skopeoCopy("skopeo-oci", [], (o) => `oci:${o}:3.10`);
    const manifestDigest = json(join(layout, "index.json")).manifests[0].digest;
    expect((await resolveSource(layout)).source.kind).toBe("oci-dir");
    const result = await scan(layout, { catalogers: [] });
    expect(result.distro).toMatchObject({ id: "alpine", versionId: "3.10.4" });
    expect(result.image).toMatchObject({
      manifestDigest,
      repoTags: ["3.10"],
      os: "linux",
      architecture: "amd64",
    });
    expect(result.image?.layers[0]).toMatchObject({
      diffId: "sha256:531743b7098cb2aaf615641007a129173f63ed86ca32fe7b5a246a1c47286028",
      mediaType: "application/vnd.oci.image.layer.v1.tar+gzip",
      createdBy: expect.stringContaining("ADD file:d48cac34"),
    });
  });

  it("reads zstd-compressed layers", async () => {
    const layout = skopeoCopy(
      "skopeo-oci-zstd",
      ["--dest-compress-format", "zstd"],
      (o) => `oci:${o}:z`,
    );
    const { tree, metadata } = await readTree(layout);
    expect(metadata?.layers[0]?.mediaType).toBe("application/vnd.oci.image.layer.v1.tar+zstd");
    expect(tree.read("/etc/alpine-release")?.toString()).toBe("3.10.4\n");
  });

  it("names a missing layer blob", async () => {
    const copy = join(dir, "missing");
    cpSync(
      skopeoCopy("skopeo-oci", [], (o) => `oci:${o}:3.10`),
      copy,
      { recursive: true },
    );
    const manifest = json(
      join(copy, "blobs/sha256", json(join(copy, "index.json")).manifests[0].digest.slice(7)),
    );
    const layer = manifest.layers[0].digest.slice(7);
    rmSync(join(copy, "blobs/sha256", layer));
    const error = await readTree(copy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageFormatError);
    expect((error as Error).message).toContain(`blobs/sha256/${layer}`);
  });
});

describe("oci-dir with several images", () => {
  let layout: string;
  beforeAll(async () => {
    layout = join(dir, "multi");
    const amd = syntheticImage(
      [await tarBytes([{ name: "etc/arch", body: "amd64\n" }])],
      "linux/amd64",
    );
    const arm = syntheticImage(
      [await tarBytes([{ name: "etc/arch", body: "arm64\n" }])],
      "linux/arm64/v8",
    );
    writeOciLayout(layout, [
      { image: amd, platform: "linux/amd64", refName: "multi", gzip: true },
      { image: arm, platform: "linux/arm64/v8", refName: "multi" },
    ]);
  });

  it("picks by platform, with or without the variant", async () => {
    expect(
      (await readTree(layout, { platform: "linux/amd64" })).tree.read("/etc/arch")?.toString(),
    ).toBe("amd64\n");
    expect(
      (await readTree(layout, { platform: "linux/arm64" })).tree.read("/etc/arch")?.toString(),
    ).toBe("arm64\n");
    const picked = await readTree(layout, { platform: "linux/arm64/v8", select: "multi" });
    expect(picked.metadata).toMatchObject({
      architecture: "arm64",
      variant: "v8",
      repoTags: ["multi"],
    });
  });

  it("lists the platforms when the choice is ambiguous or nothing matches", async () => {
    await expect(readTree(layout)).rejects.toThrow(SourceError);
    await expect(readTree(layout)).rejects.toThrow(
      /multi sha256:\w{12} linux\/amd64; multi sha256:\w{12} linux\/arm64\/v8/,
    );
    await expect(readTree(layout, { platform: "windows/amd64" })).rejects.toThrow(
      /no image .* matches platform windows\/amd64/,
    );
  });

  it("follows a nested index down to the image manifests", async () => {
    const nested = join(dir, "nested");
    cpSync(layout, nested, { recursive: true });
    const inner = readFileSync(join(nested, "index.json"));
    writeFileSync(join(nested, "blobs/sha256", sha256(inner).slice(7)), inner);
    const outer = {
      schemaVersion: 2,
      manifests: [
        {
          mediaType: "application/vnd.oci.image.index.v1+json",
          digest: sha256(inner),
          size: inner.length,
          annotations: { "io.containerd.image.name": "docker.io/example/multi:1" },
        },
      ],
    };
    writeFileSync(join(nested, "index.json"), JSON.stringify(outer));
    const { metadata } = await readTree(nested, { platform: "linux/amd64" });
    expect(metadata?.repoTags).toEqual(["docker.io/example/multi:1"]);
    expect(metadata?.repoDigests).toEqual([`docker.io/example/multi@${metadata?.manifestDigest}`]);
  });

  it("fails with a DigestMismatchError naming a layer blob whose bytes were changed", async () => {
    const tampered = join(dir, "tampered");
    cpSync(layout, tampered, { recursive: true });
    const { metadata } = await readTree(layout, { platform: "linux/arm64" });
    const digest = metadata?.layers[0]?.digest as string;
    const path = join(tampered, "blobs/sha256", digest.slice(7));
    writeFileSync(path, readFileSync(path, "latin1").replace("arm64", "ARM64"), "latin1");
    const error = await readTree(tampered, { platform: "linux/arm64" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DigestMismatchError);
    expect((error as Error).message).toContain(`layer 0 (${digest.slice(0, 19)})`);
  });

  it("fails with a DigestMismatchError when a manifest blob was changed", async () => {
    const tampered = join(dir, "tampered-manifest");
    cpSync(layout, tampered, { recursive: true });
    const digest: string = json(join(layout, "index.json")).manifests[0].digest;
    const path = join(tampered, "blobs/sha256", digest.slice(7));
    writeFileSync(path, `${readFileSync(path, "utf8")} `);
    await expect(readTree(tampered, { platform: "linux/amd64" })).rejects.toThrow(
      DigestMismatchError,
    );
  });
});
