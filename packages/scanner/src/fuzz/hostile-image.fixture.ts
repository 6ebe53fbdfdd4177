/**
 * Wraps hostile layer blobs into the image forms the sources read: an OCI layout directory, a
 * tar of it (`oci-archive`), and Docker 25's `docker save` layout (`docker-archive`, plain and
 * gzip-compressed, which the scanner reads by streaming). Blobs are moved, never copied in
 * memory; archives are written by tar-stream from file streams.
 */
import { createHash } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readdirSync,
  renameSync,
  statSync,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { pack } from "tar-stream";
import type { BuiltBlob } from "./hostile-tar.fixture.js";

/** The same image in every form a case scans, as `kind:path` references. */
export interface ImageForms {
  "oci-dir": string;
  "oci-archive": string;
  "docker-archive": string;
  "docker-archive-gz": string;
}

/** A file of an archive built from a layout: its name inside and its path on disk or bytes. */
export interface ArchiveMember {
  name: string;
  file?: string;
  body?: Buffer | string;
  type?: "file" | "symlink" | "link" | "directory";
  linkname?: string;
}

const sha256 = (bytes: Buffer | string) =>
  `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

const LAYER_TYPES = {
  none: "application/vnd.oci.image.layer.v1.tar",
  gzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  zstd: "application/vnd.oci.image.layer.v1.tar+zstd",
};

/** Writes `bytes` as a blob of the layout at `dir`; returns its descriptor. */
export async function putBlob(dir: string, bytes: Buffer | string, mediaType: string) {
  const digest = sha256(bytes);
  mkdirSync(join(dir, "blobs/sha256"), { recursive: true });
  await writeFile(join(dir, "blobs/sha256", digest.slice(7)), bytes);
  return { mediaType, digest, size: Buffer.byteLength(bytes) };
}

/** A real-shaped config naming `diffIds`, one history entry each. */
export function configFor(diffIds: string[]): string {
  return JSON.stringify({
    architecture: "amd64",
    os: "linux",
    created: "2026-01-01T00:00:00Z",
    rootfs: { type: "layers", diff_ids: diffIds },
    history: diffIds.map((_, i) => ({ created_by: `hostile step ${i}` })),
  });
}

/**
 * An OCI layout at `dir` holding one image of `layers` (moved into `blobs/`), tagged `hostile`.
 * Returns the manifest and config descriptors.
 */
export async function writeLayout(dir: string, layers: BuiltBlob[]) {
  mkdirSync(join(dir, "blobs/sha256"), { recursive: true });
  const layerDescriptors = layers.map((l) => {
    renameSync(l.path, join(dir, "blobs/sha256", l.digest.slice(7)));
    return { mediaType: LAYER_TYPES[l.compression], digest: l.digest, size: l.size };
  });
  const config = await putBlob(
    dir,
    configFor(layers.map((l) => l.diffId)),
    "application/vnd.oci.image.config.v1+json",
  );
  const manifest = { schemaVersion: 2, config, layers: layerDescriptors };
  const ociManifest = "application/vnd.oci.image.manifest.v1+json";
  const m = await putBlob(
    dir,
    JSON.stringify({ ...manifest, mediaType: ociManifest }),
    ociManifest,
  );
  const ref = { "org.opencontainers.image.ref.name": "hostile" };
  await writeIndex(dir, [{ ...m, annotations: ref }]);
  return { manifest: m, config, layers: layerDescriptors };
}

/** Writes `oci-layout` and an `index.json` listing `manifests`. */
export async function writeIndex(dir: string, manifests: unknown[]): Promise<void> {
  await writeFile(join(dir, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(join(dir, "index.json"), JSON.stringify({ schemaVersion: 2, manifests }));
}

/** Every file of the layout at `dir`, as archive members named relative to it. */
export function layoutMembers(dir: string, names: string[]): ArchiveMember[] {
  return names.map((name) => ({ name, file: join(dir, name) }));
}

/** Writes a tar of `members` to `out`, streaming file bodies, gzip-compressed when asked. */
export async function writeArchive(out: string, members: ArchiveMember[], gzip = false) {
  const archive = pack();
  const stages = gzip ? [createGzip({ level: 1 })] : [];
  const streams = [archive, ...stages, createWriteStream(out)];
  const written = pipeline(streams as unknown as NodeJS.ReadWriteStream[]);
  for (const m of members) await addMember(archive, m);
  archive.finalize();
  await written;
  return out;
}

async function addMember(archive: ReturnType<typeof pack>, m: ArchiveMember): Promise<void> {
  const type = m.type ?? "file";
  if (type !== "file" || m.file === undefined) {
    await new Promise<void>((resolve, reject) =>
      archive.entry({ name: m.name, type, linkname: m.linkname }, m.body ?? "", (err) =>
        err ? reject(err) : resolve(),
      ),
    );
    return;
  }
  const size = statSync(m.file).size;
  const entry = archive.entry({ name: m.name, size, mode: 0o644 });
  await pipeline(createReadStream(m.file), entry);
}

/**
 * Builds every form of an image of `layers` under `dir`: the layout (`oci`), its tar, and a
 * Docker 25 `docker save` tar beside a gzip of it.
 */
export async function buildForms(dir: string, layers: BuiltBlob[]): Promise<ImageForms> {
  const oci = join(dir, "oci");
  const { config, layers: descriptors } = await writeLayout(oci, layers);
  const names = ["oci-layout", "index.json", ...blobNames(oci)];
  const ociArchive = await writeArchive(join(dir, "oci.tar"), layoutMembers(oci, names));
  const dockerManifest = [
    {
      Config: `blobs/sha256/${config.digest.slice(7)}`,
      RepoTags: ["hostile:latest"],
      Layers: descriptors.map((l) => `blobs/sha256/${l.digest.slice(7)}`),
    },
  ];
  const docker = [
    ...layoutMembers(oci, names),
    { name: "manifest.json", body: JSON.stringify(dockerManifest) },
  ];
  const dockerArchive = await writeArchive(join(dir, "docker.tar"), docker);
  const dockerGz = await writeArchive(join(dir, "docker.tar.gz"), docker, true);
  return {
    "oci-dir": `oci-dir:${oci}`,
    "oci-archive": `oci-archive:${ociArchive}`,
    "docker-archive": `docker-archive:${dockerArchive}`,
    "docker-archive-gz": `docker-archive:${dockerGz}`,
  };
}

function blobNames(oci: string): string[] {
  return readdirSync(join(oci, "blobs/sha256")).map((n) => `blobs/sha256/${n}`);
}
