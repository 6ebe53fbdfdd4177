import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { DigestMismatchError, ImageFormatError, SourceError } from "../../errors.js";
import { FileTree } from "../../filetree/file-tree.js";
import type { CapturePolicy } from "../../filetree/types.js";
import { scan } from "../../scan.js";
import {
  alpineTar,
  classicMembers,
  exampleArchive,
  sha256,
  skopeoCopy,
  syntheticImage,
  tarBytes,
  tarDirectory,
} from "../image-fixtures.fixture.js";
import { resolveSource } from "../registry.js";
import { dockerArchiveSource } from "./docker-archive-source.js";

const policy: CapturePolicy = {
  wants: (p) => p === "/etc/alpine-release" || p === "/etc/os-release",
  maxSize: () => 1 << 20,
};

const ALPINE = {
  configDigest: "sha256:af341ccd2df8b0e2d67cf8dd32e087bfda4e5756ebd1c76bbf3efa0dc246590e",
  diffId: "sha256:531743b7098cb2aaf615641007a129173f63ed86ca32fe7b5a246a1c47286028",
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lading-docker-archive-"));
});

async function readTree(path: string, options = {}) {
  const opened = await dockerArchiveSource.open(path, options);
  try {
    const indexes = await opened.index(policy);
    const tree = new FileTree();
    for (const index of indexes) tree.applyLayer(index);
    return { tree, indexes, metadata: opened.metadata };
  } finally {
    await opened.close();
  }
}

async function writeArchive(name: string, bytes: Buffer, gzip = false): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, gzip ? gzipSync(bytes) : bytes);
  return path;
}

describe("docker-archive on the real alpine 3.10 image", () => {
  it("scans the gzip-compressed docker save output with its metadata", async () => {
    const result = await scan(exampleArchive, { catalogers: [] });
    expect(result.source.kind).toBe("docker-archive");
    expect(result.distro).toMatchObject({ id: "alpine", versionId: "3.10.4" });
    expect(result.unknowns).toEqual([]);
    expect(result.image).toMatchObject({
      configDigest: ALPINE.configDigest,
      repoTags: ["alpine:3.10"],
      os: "linux",
      architecture: "amd64",
      created: "2020-01-23T16:53:06.686519038Z",
    });
    expect(result.image?.history).toHaveLength(2);
    expect(result.image?.layers).toEqual([
      {
        index: 0,
        digest: ALPINE.diffId,
        diffId: ALPINE.diffId,
        size: 5818880,
        mediaType: "application/vnd.docker.image.rootfs.diff.tar",
        createdBy:
          "/bin/sh -c #(nop) ADD file:d48cac34fac385cbc1de6adfdd88300f76f9bbe346cd17e64fd834d042a98326 in / ",
      },
    ]);
  });

  it("reads the same tree from the uncompressed archive, seeking to the layer", async () => {
    const { tree, metadata } = await readTree(alpineTar());
    expect(metadata?.configDigest).toBe(ALPINE.configDigest);
    expect(tree.read("/etc/alpine-release")?.toString()).toBe("3.10.4\n");
    expect(tree.get("/bin/busybox")?.type).toBe("file");
    expect(tree.realPath("/bin/sh")).toBe("/bin/busybox");
  });

  it("follows the layer.tar symlinks skopeo writes into its docker archives", async () => {
    const out = skopeoCopy(
      "skopeo-docker-archive",
      [],
      (o) => `docker-archive:${o}/img.tar:alpine:3.10`,
    );
    const { tree, metadata } = await readTree(join(out, "img.tar"));
    expect(metadata?.repoTags).toEqual(["docker.io/library/alpine:3.10"]);
    expect(metadata?.layers[0]?.diffId).toBe(ALPINE.diffId);
    expect(tree.read("/etc/alpine-release")?.toString()).toBe("3.10.4\n");
  });

  it("reads Docker 25's OCI-style layout with its index, giving manifest and repo digests", async () => {
    const oci = skopeoCopy("skopeo-oci", [], (o) => `oci:${o}:3.10`);
    const index = JSON.parse(readFileSync(join(oci, "index.json"), "utf8"));
    const manifestDigest: string = index.manifests[0].digest;
    const manifest = JSON.parse(
      readFileSync(join(oci, "blobs/sha256", manifestDigest.slice(7)), "utf8"),
    );
    index.manifests[0].annotations["io.containerd.image.name"] = "docker.io/library/alpine:3.10";
    const blob = (d: string) => ({
      name: `blobs/sha256/${d.slice(7)}`,
      body: readFileSync(join(oci, "blobs/sha256", d.slice(7))),
    });
    const dockerManifest = [
      {
        Config: `blobs/sha256/${manifest.config.digest.slice(7)}`,
        RepoTags: ["alpine:3.10"],
        Layers: manifest.layers.map((l: { digest: string }) => `blobs/sha256/${l.digest.slice(7)}`),
      },
    ];
    const bytes = await tarBytes([
      ...[
        manifestDigest,
        manifest.config.digest,
        ...manifest.layers.map((l: { digest: string }) => l.digest),
      ].map(blob),
      { name: "index.json", body: JSON.stringify(index) },
      { name: "manifest.json", body: JSON.stringify(dockerManifest) },
      { name: "oci-layout", body: '{"imageLayoutVersion":"1.0.0"}' },
    ]);
    for (const gzip of [false, true]) {
      const path = await writeArchive(`docker25-${gzip}.tar`, bytes, gzip);
      expect((await resolveSource(path)).source.kind).toBe("docker-archive");
      const { tree, metadata } = await readTree(path);
      expect(metadata).toMatchObject({
        manifestDigest,
        repoTags: ["alpine:3.10"],
        repoDigests: [`alpine@${manifestDigest}`],
      });
      expect(metadata?.layers[0]?.mediaType).toBe(manifest.layers[0].mediaType);
      expect(metadata?.layers[0]?.digest).toBe(manifest.layers[0].digest);
      expect(tree.read("/etc/alpine-release")?.toString()).toBe("3.10.4\n");
    }
  });
});

describe("docker-archive with several images", () => {
  let path: string;
  let secondId: string;
  beforeAll(async () => {
    const layer = await tarBytes([{ name: "etc/hostname", body: "second\n" }]);
    const second = syntheticImage([layer], "linux/arm64/v8");
    secondId = sha256(second.config);
    const first = syntheticImage([
      await tarBytes([{ name: "etc/alpine-release", body: "3.99\n" }]),
    ]);
    path = await writeArchive(
      "multi.tar",
      await tarBytes(
        classicMembers([
          { image: first, tags: ["example/first:1", "example/first:latest"] },
          { image: second, tags: ["example/second:2"] },
        ]),
      ),
    );
  });

  it("picks an image by tag, by short tag name, by digest and by platform", async () => {
    expect((await readTree(path, { select: "example/second:2" })).metadata?.configDigest).toBe(
      secondId,
    );
    expect(
      (await readTree(path, { select: "example/first" })).tree
        .read("/etc/alpine-release")
        ?.toString(),
    ).toBe("3.99\n");
    expect((await readTree(path, { select: secondId })).metadata?.variant).toBe("v8");
    expect((await readTree(path, { select: secondId.slice(7, 19) })).metadata?.configDigest).toBe(
      secondId,
    );
    expect((await readTree(path, { platform: "linux/arm64" })).metadata?.configDigest).toBe(
      secondId,
    );
  });

  it("lists what is there when the choice is ambiguous or matches nothing", async () => {
    const ambiguous = readTree(path);
    await expect(ambiguous).rejects.toThrow(SourceError);
    await expect(readTree(path)).rejects.toThrow(
      /example\/first:1, example\/first:latest .*linux\/amd64; example\/second:2 .*linux\/arm64\/v8/,
    );
    await expect(readTree(path, { select: "nope:1" })).rejects.toThrow(
      /no image .* matches nope:1; it holds: .*example\/second:2/,
    );
    await expect(readTree(path, { platform: "linux/s390x" })).rejects.toThrow(
      /platform linux\/s390x/,
    );
  });
});

describe("docker-archive bad input", () => {
  it("reports a truncated archive", async () => {
    const bytes = readFileSync(alpineTar());
    const path = await writeArchive("truncated.tar", bytes.subarray(0, 3_000_000));
    await expect(readTree(path)).rejects.toThrow(ImageFormatError);
    await expect(readTree(path)).rejects.toThrow(/truncated/);
  });

  it("reports a truncated gzip archive", async () => {
    const bytes = readFileSync(exampleArchive);
    const path = await writeArchive("truncated.tar.gz", bytes.subarray(0, 1_000_000));
    await expect(readTree(path)).rejects.toThrow(ImageFormatError);
  });

  it("reports a corrupt gzip archive", async () => {
    const bytes = Buffer.from(readFileSync(exampleArchive));
    for (let i = 100_000; i < 100_400; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    const path = await writeArchive("corrupt.tar.gz", bytes);
    await expect(readTree(path)).rejects.toThrow(ImageFormatError);
  });

  it("names a layer blob the manifest lists but the archive lacks", async () => {
    const image = syntheticImage([await tarBytes([{ name: "a", body: "a" }])]);
    const members = classicMembers([{ image, tags: ["t:1"] }]).filter(
      (m) => !m.name.endsWith("layer.tar"),
    );
    const missing = `${sha256(image.layers[0] as Buffer).slice(7)}/layer.tar`;
    for (const gzip of [false, true]) {
      const path = await writeArchive(`missing-${gzip}.tar`, await tarBytes(members), gzip);
      await expect(readTree(path)).rejects.toThrow(ImageFormatError);
      await expect(readTree(path)).rejects.toThrow(missing);
    }
  });

  it("fails with a DigestMismatchError naming the layer whose bytes were altered", async () => {
    const layer = await tarBytes([{ name: "etc/motd", body: "original\n" }]);
    const image = syntheticImage([layer]);
    const members = classicMembers([{ image, tags: ["t:1"] }]);
    const tampered = members.map((m) =>
      m.name.endsWith("layer.tar")
        ? {
            ...m,
            body: Buffer.from(
              (m.body as Buffer).toString("latin1").replace("original", "tampered"),
              "latin1",
            ),
          }
        : m,
    );
    for (const gzip of [false, true]) {
      const path = await writeArchive(`mismatch-${gzip}.tar`, await tarBytes(tampered), gzip);
      const error = await readTree(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DigestMismatchError);
      expect((error as Error).message).toContain(`layer 0 (${sha256(layer).slice(0, 19)})`);
    }
  });

  it("checks the bytes after the tar's end-of-archive blocks too", async () => {
    const layer = await tarBytes([{ name: "etc/motd", body: "hi\n" }]);
    const image = syntheticImage([layer]);
    const padded = Buffer.concat([layer, Buffer.from("trailing bytes after the end")]);
    const members = classicMembers([{ image, tags: ["t:1"] }]).map((m) =>
      m.name.endsWith("layer.tar") ? { ...m, body: padded } : m,
    );
    const path = await writeArchive("trailing.tar", await tarBytes(members));
    await expect(readTree(path)).rejects.toThrow(DigestMismatchError);
  });

  it("scans an image of zero layers to an empty result", async () => {
    const image = syntheticImage([]);
    const path = await writeArchive(
      "empty.tar",
      await tarBytes(classicMembers([{ image, tags: ["empty:1"] }])),
    );
    const result = await scan(path, { catalogers: [] });
    expect(result.source.kind).toBe("docker-archive");
    expect(result.image?.layers).toEqual([]);
    expect(result.packages).toEqual([]);
    expect(result.distro).toBeUndefined();
  });

  it("keeps a broken layer tar as an unknown naming the layer when its digest is right", async () => {
    const broken = Buffer.concat([
      await tarBytes([{ name: "etc/motd", body: "x".repeat(2000) }]),
    ]).subarray(0, 1200);
    const image = syntheticImage([broken]);
    const path = await writeArchive(
      "broken-layer.tar",
      await tarBytes(classicMembers([{ image, tags: ["b:1"] }])),
    );
    const result = await scan(path, { catalogers: [] });
    expect(result.unknowns).toEqual([
      expect.objectContaining({
        path: "/",
        layer: sha256(broken),
        reason: expect.stringMatching(/could not be read/),
      }),
    ]);
  });

  it("finishes the scan when /etc/os-release is a symlink loop", async () => {
    const layer = await tarBytes([
      { name: "etc/os-release", type: "symlink", linkname: "os-release2" },
      { name: "etc/os-release2", type: "symlink", linkname: "os-release" },
      { name: "etc/alpine-release", body: "3.10.4\n" },
    ]);
    const image = syntheticImage([layer]);
    const path = await writeArchive(
      "loop.tar",
      await tarBytes(classicMembers([{ image, tags: ["l:1"] }])),
    );
    const result = await scan(path, { catalogers: [] });
    expect(result.distro).toMatchObject({ id: "alpine", versionId: "3.10.4" });
  });

  it("is not detected on a plain file, and tar directories of a rootfs are not archives", async () => {
    const path = await writeArchive("plain.txt", Buffer.from("hello"));
    expect(await dockerArchiveSource.detect(path)).toBe(false);
    tarDirectory(join(dir), join(tmpdir(), `lading-rootfs-${process.pid}.tar`));
    expect(
      await dockerArchiveSource.detect(join(tmpdir(), `lading-rootfs-${process.pid}.tar`)),
    ).toBe(false);
  });
});
