/**
 * Test-only: an earlier form of the Debian test image, made from its OCI layout by keeping its
 * bottom N layers (what the image was before its later Dockerfile steps). The blobs are the
 * built image's own, hard-linked; the manifest and config are rewritten with the layers cut.
 * Cached under the repository's .cache/ and keyed by the source manifest, so it is built once.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../../../test/support/test-images.js";

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

/** Writes (once) an OCI layout of the image at `ociDir` cut to its bottom `keep` layers. */
export function truncatedOciLayout(ociDir: string, tag: string, keep: number): string {
  const index = readJson(join(ociDir, "index.json")) as { manifests: Descriptor[] };
  const ref = index.manifests.find(
    (m) => m.annotations?.["org.opencontainers.image.ref.name"] === tag,
  );
  if (!ref) throw new Error(`${ociDir} has no image tagged ${tag}`);
  const out = join(repoRoot, ".cache", "diff-test-images", `${ref.digest.slice(7, 23)}-${keep}`);
  if (existsSync(join(out, "index.json"))) return out;
  const work = `${out}.tmp-${process.pid}`;
  mkdirSync(join(work, "blobs", "sha256"), { recursive: true });
  const manifest = readJson(blobPath(ociDir, ref.digest)) as {
    config: Descriptor;
    layers: Descriptor[];
  };
  const config = readJson(blobPath(ociDir, manifest.config.digest)) as {
    rootfs: { diff_ids: string[] };
    history: { empty_layer?: boolean }[];
  };
  config.rootfs.diff_ids = config.rootfs.diff_ids.slice(0, keep);
  config.history = historyBelow(config.history, keep);
  for (const layer of manifest.layers.slice(0, keep))
    linkOrCopy(blobPath(ociDir, layer.digest), blobPath(work, layer.digest));
  const configDesc = writeBlob(work, manifest.config.mediaType, config);
  const cut = { ...manifest, config: configDesc, layers: manifest.layers.slice(0, keep) };
  const manifestDesc = writeBlob(work, ref.mediaType, cut);
  const annotations = { "org.opencontainers.image.ref.name": tag };
  writeFileSync(join(work, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
  writeFileSync(
    join(work, "index.json"),
    JSON.stringify({ schemaVersion: 2, manifests: [{ ...manifestDesc, annotations }] }),
  );
  renameSync(work, out);
  return out;
}

/** History entries up to and including the one that made layer `keep - 1`. */
function historyBelow(history: { empty_layer?: boolean }[], keep: number): unknown[] {
  let layers = 0;
  const kept = [];
  for (const entry of history) {
    if (!entry.empty_layer && layers === keep) break;
    if (!entry.empty_layer) layers++;
    kept.push(entry);
  }
  return kept;
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function writeBlob(dir: string, mediaType: string, value: unknown): Descriptor {
  const bytes = Buffer.from(JSON.stringify(value));
  const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  writeFileSync(blobPath(dir, digest), bytes);
  return { mediaType, digest, size: bytes.length };
}

function blobPath(dir: string, digest: string): string {
  return join(dir, "blobs", ...digest.split(":"));
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}
