/**
 * Finds (building once, when needed) the real Debian test images made by
 * `scripts/build-test-images`, and reads what that script recorded while building them: the
 * packages dpkg-query listed after each layer, the layers' diff IDs and the image config.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const buildScript = join(repoRoot, "scripts", "build-test-images");

/** The exit status the build script uses for "cannot build here" (missing tools, not root). */
const CANNOT_BUILD = 77;

/** One line of `dpkg-query -W` as the build script captured it inside the rootfs. */
export interface ExpectedPackage {
  name: string;
  version: string;
  arch: string;
  sourceName: string;
  sourceVersion: string;
}

/** `manifest.json`, written by the build script. */
export interface ImagesManifest {
  outputs: {
    ociDir: { path: string; tag: string };
    dockerArchive: { path: string; repoTags: string[] };
    dockerArchiveGzip: { path: string; repoTags: string[] };
    ociArchive: { path: string; tag: string };
  };
  manifestDigest: string;
  configDigest: string;
  os: string;
  architecture: string;
  labels: Record<string, string>;
  history: { createdBy: string; emptyLayer: boolean }[];
  layers: {
    index: number;
    diffId: string;
    ociDigest: string;
    createdBy: string;
    packages: string;
  }[];
  distro: { id: string; versionId: string };
  purged: string[];
  purgedFiles: string;
  deleted: string[];
}

/** The built images, and the packages each layer left installed (bottom layer first). */
export interface TestImages {
  dir: string;
  manifest: ImagesManifest;
  layerPackages: ExpectedPackage[][];
  /** Regular files the purged packages owned before they were purged. */
  purgedFiles: string[];
}

/** One form of the image as a scanner reference, and facts that differ between forms. */
export interface ImageForm {
  name: string;
  reference: string;
  /** Whether the layers are stored compressed, so their blob digest differs from the diff ID. */
  compressedLayers: boolean;
  repoTags: string[];
  hasManifestDigest: boolean;
}

/** Whether the images are at hand or can be built here; if not, why. */
export function checkTestImages(): { ok: boolean; reason?: string } {
  const run = spawnSync(buildScript, ["--check"], { encoding: "utf8" });
  if (run.status === 0) return { ok: true };
  if (run.status === CANNOT_BUILD) return { ok: false, reason: run.stderr.trim() };
  return { ok: false, reason: `${buildScript} --check failed: ${run.stderr || run.error}` };
}

/**
 * `describe` for suites on the test images: skipped, with a warning naming `what`, where the
 * images can be neither found nor built; never skipped under `LADING_REQUIRE_TEST_IMAGES`
 * (CI), where a missing image must fail the suite rather than pass it silently.
 */
export function describeWithTestImages(what: string): typeof describe.skip {
  const check = checkTestImages();
  const required = Boolean(process.env.LADING_REQUIRE_TEST_IMAGES);
  if (!check.ok && !required) console.warn(`Skipping ${what}: ${check.reason}`);
  return describe.skipIf(!check.ok && !required);
}

/** Builds the images unless cached, and reads what the build recorded. */
export function loadTestImages(): TestImages {
  const run = spawnSync(buildScript, [], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    throw new Error(`${buildScript} exited ${run.status}:\n${run.stderr.slice(-4000)}`);
  }
  const dir = run.stdout.trim();
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as ImagesManifest;
  return {
    dir,
    manifest,
    layerPackages: manifest.layers.map((l) => readPackageList(join(dir, l.packages))),
    purgedFiles: readLines(join(dir, manifest.purgedFiles)),
  };
}

/** The image in every form the scanner reads: OCI layout, OCI archive, docker-archive (+gzip). */
export function imageForms(images: TestImages): ImageForm[] {
  const { dir, manifest } = images;
  const { ociDir, ociArchive, dockerArchive, dockerArchiveGzip } = manifest.outputs;
  // An OCI layout names its image by the `org.opencontainers.image.ref.name` annotation.
  const oci = { compressedLayers: true, repoTags: [ociDir.tag], hasManifestDigest: true };
  const docker = { compressedLayers: false, hasManifestDigest: false };
  return [
    { name: "oci-dir", reference: `oci-dir:${join(dir, ociDir.path)}`, ...oci },
    { name: "oci-archive", reference: `oci-archive:${join(dir, ociArchive.path)}`, ...oci },
    {
      name: "docker-archive",
      reference: `docker-archive:${join(dir, dockerArchive.path)}`,
      repoTags: dockerArchive.repoTags,
      ...docker,
    },
    {
      name: "docker-archive (gzip)",
      reference: `docker-archive:${join(dir, dockerArchiveGzip.path)}`,
      repoTags: dockerArchiveGzip.repoTags,
      ...docker,
    },
  ];
}

/** Reads an `expected-layer-N.tsv`: name, version, arch, source name, source version. */
export function readPackageList(file: string): ExpectedPackage[] {
  return readLines(file).map((line) => {
    const [name, version, arch, sourceName, sourceVersion] = line.split("\t");
    if (name === undefined || version === undefined || arch === undefined) {
      throw new Error(`${file}: malformed line ${JSON.stringify(line)}`);
    }
    return {
      name,
      version,
      arch,
      sourceName: sourceName || name,
      sourceVersion: sourceVersion || version,
    };
  });
}

/**
 * The layer that installed a package: the lowest layer from which its name and version are
 * listed by dpkg-query in every layer up to the top.
 */
export function expectedLayerIndex(layers: ExpectedPackage[][], pkg: ExpectedPackage): number {
  const key = `${pkg.name}\t${pkg.version}`;
  let index = layers.length - 1;
  while (index > 0 && layers[index - 1]?.some((p) => `${p.name}\t${p.version}` === key)) index--;
  return index;
}

function readLines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "");
}
