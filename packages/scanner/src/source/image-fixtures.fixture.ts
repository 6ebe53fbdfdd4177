/**
 * Test images for the source tests, made from the real alpine 3.10 `docker save` archive in
 * `examples/`: converted with skopeo into the other forms, or assembled with tar-stream where no
 * tool writes the layout. Each is built once into `.cache/fixtures/<name>-<key>` (gitignored),
 * keyed by a hash of the input and the recipe, so test runs do not rebuild them.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { pack } from "tar-stream";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const exampleArchive = join(repoRoot, "examples/alpine-310.tar.gz");
const cacheRoot = join(repoRoot, ".cache/fixtures");

/** Builds `name` once per input and recipe; `build` writes into the directory it is given. */
export function cached(name: string, recipe: string, build: (out: string) => void): string {
  const input = readFileSync(exampleArchive);
  const key = createHash("sha256").update(input).update(recipe).digest("hex").slice(0, 16);
  const out = join(cacheRoot, `${name}-${key}`);
  if (existsSync(out)) return out;
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  build(tmp);
  rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out);
  return out;
}

/** The example archive uncompressed: a classic `docker save` tar. */
export function alpineTar(): string {
  const dir = cached("alpine-tar", "gunzip", (out) => {
    writeFileSync(join(out, "alpine.tar"), gunzipSync(readFileSync(exampleArchive)));
  });
  return join(dir, "alpine.tar");
}

/** `skopeo copy docker-archive:<alpine.tar> <dest>` with extra flags; `dest(out)` names the target. */
export function skopeoCopy(name: string, flags: string[], dest: (out: string) => string): string {
  const source = alpineTar();
  const dir = cached(name, `skopeo ${flags.join(" ")} ${dest("OUT")}`, (out) => {
    execFileSync("skopeo", ["copy", "-q", ...flags, `docker-archive:${source}`, dest(out)]);
  });
  return dir;
}

/** One tar member for {@link tarBytes}. */
export interface Member {
  name: string;
  body?: Buffer | string;
  type?: "file" | "directory" | "symlink" | "link";
  linkname?: string;
  mode?: number;
}

/** Writes members into a tar held in memory. */
export async function tarBytes(members: Member[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => archive.on("end", r));
  for (const m of members) {
    const body = typeof m.body === "string" ? Buffer.from(m.body) : m.body;
    archive.entry(
      { name: m.name, type: m.type ?? "file", linkname: m.linkname, mode: m.mode },
      body,
    );
  }
  archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

export const sha256 = (b: Buffer) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

/** A minimal image: layer tars (uncompressed), and a config naming their diff IDs. */
export interface SyntheticImage {
  layers: Buffer[];
  config: Buffer;
}

/** A real-shaped config for `layers`: platform, labels and one history entry per layer. */
export function syntheticImage(
  layers: Buffer[],
  platform = "linux/amd64",
  label = "x",
): SyntheticImage {
  const [os, architecture, variant] = platform.split("/");
  const config = {
    architecture,
    os,
    ...(variant ? { variant } : {}),
    created: "2024-01-01T00:00:00Z",
    config: { Labels: { "org.example.fixture": label } },
    rootfs: { type: "layers", diff_ids: layers.map(sha256) },
    history: layers.map((_, i) => ({ created_by: `step ${i}` })),
  };
  return { layers, config: Buffer.from(JSON.stringify(config)) };
}

/** Classic `docker save` members (`<id>.json`, `<id>/layer.tar`, `manifest.json`) of several images. */
export function classicMembers(images: { image: SyntheticImage; tags: string[] }[]): Member[] {
  const members: Member[] = [];
  const manifest = images.map(({ image, tags }) => {
    const id = sha256(image.config).slice(7);
    members.push({ name: `${id}.json`, body: image.config });
    const layers = image.layers.map((layer) => {
      const dir = sha256(layer).slice(7);
      members.push({ name: `${dir}/layer.tar`, body: layer });
      return `${dir}/layer.tar`;
    });
    return { Config: `${id}.json`, RepoTags: tags, Layers: layers };
  });
  members.push({ name: "manifest.json", body: JSON.stringify(manifest) });
  return members;
}

/** Writes an OCI layout dir holding `images`, each with its platform and ref name in the index. */
export function writeOciLayout(
  dir: string,
  images: { image: SyntheticImage; refName?: string; platform?: string; gzip?: boolean }[],
): void {
  const put = (bytes: Buffer) => {
    const digest = sha256(bytes);
    mkdirSync(join(dir, "blobs/sha256"), { recursive: true });
    writeFileSync(join(dir, "blobs/sha256", digest.slice(7)), bytes);
    return { digest, size: bytes.length };
  };
  const manifests = images.map(({ image, refName, platform, gzip }) => {
    const layerType = `application/vnd.oci.image.layer.v1.tar${gzip ? "+gzip" : ""}`;
    const manifest = {
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: { mediaType: "application/vnd.oci.image.config.v1+json", ...put(image.config) },
      layers: image.layers.map((l) => ({ mediaType: layerType, ...put(gzip ? gzipSync(l) : l) })),
    };
    const [os, architecture, variant] = (platform ?? "").split("/");
    return {
      mediaType: manifest.mediaType,
      ...put(Buffer.from(JSON.stringify(manifest))),
      ...(platform ? { platform: { os, architecture, ...(variant ? { variant } : {}) } } : {}),
      ...(refName ? { annotations: { "org.opencontainers.image.ref.name": refName } } : {}),
    };
  });
  writeFileSync(join(dir, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
  writeFileSync(join(dir, "index.json"), JSON.stringify({ schemaVersion: 2, manifests }));
}

/** Tars a directory's files (relative names, sorted) with GNU tar. */
export function tarDirectory(dir: string, out: string): void {
  execFileSync("tar", ["-cf", out, "-C", dir, "--sort=name", "."]);
}
