/**
 * Hostile image metadata: indexes that name themselves or each other, nest too deep or fan out
 * a million ways; `manifest.json` files that list a layer twice, use the config or the
 * manifest itself as a layer, or name files outside the archive; archive members and layout
 * blobs that are links to the host's files. Each case writes its image into a directory and
 * says how its scan must end: a result, or a typed error whose message matches.
 */
import { createHash } from "node:crypto";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  configFor,
  putBlob,
  writeArchive,
  writeIndex,
  writeLayout,
} from "./hostile-image.fixture.js";
import { writeLayer } from "./hostile-tar.fixture.js";

/** One hostile image; `build` returns the reference to scan. */
export interface ManifestCase {
  name: string;
  build(dir: string): Promise<string>;
  /** `result`, or the error class and a pattern its message matches. */
  expected: "result" | { error: string; message: RegExp };
}

const INDEX = "application/vnd.oci.image.index.v1+json";
const MANIFEST = "application/vnd.oci.image.manifest.v1+json";
const sha256 = (b: Buffer | string) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

/** A layout whose one image has a single small layer; returns the manifest descriptor. */
async function plainLayout(dir: string) {
  const layer = await writeLayer(join(dir, "layer.tar"), [
    { name: "etc/os-release", body: "ID=plain\n" },
  ]);
  return writeLayout(join(dir, "oci"), [layer]);
}

/** Writes `json` under a blob name that is not its digest, as a forger would. */
function putForged(dir: string, name: string, json: string) {
  mkdirSync(join(dir, "blobs/sha256"), { recursive: true });
  writeFileSync(join(dir, "blobs/sha256", name.slice(7)), json);
}

const forgedDigest = (label: string) => sha256(`forged ${label}`);

const selfIndex: ManifestCase = {
  name: "an index whose manifests list holds its own digest",
  async build(dir) {
    const oci = join(dir, "oci");
    const self = forgedDigest("self");
    const body = (size: number) =>
      JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: INDEX, digest: self, size }] });
    const size = Buffer.byteLength(body(1000));
    putForged(oci, self, body(size));
    await writeIndex(oci, [{ mediaType: INDEX, digest: self, size }]);
    return `oci-dir:${oci}`;
  },
  expected: { error: "DigestMismatchError", message: /manifest sha256:/ },
};

const indexCycle: ManifestCase = {
  name: "two indexes that list each other",
  async build(dir) {
    const oci = join(dir, "oci");
    const [a, b] = [forgedDigest("a"), forgedDigest("b")];
    const listing = (to: string) =>
      JSON.stringify({
        schemaVersion: 2,
        manifests: [{ mediaType: INDEX, digest: to, size: 130 }],
      });
    putForged(oci, a, listing(b));
    putForged(oci, b, listing(a));
    await writeIndex(oci, [{ mediaType: INDEX, digest: a, size: Buffer.byteLength(listing(b)) }]);
    return `oci-dir:${oci}`;
  },
  expected: { error: "DigestMismatchError", message: /./ },
};

/** Genuine nested indexes: each lists the one below `fanOut` times; the bottom lists `leaf`. */
async function nestedIndexes(oci: string, leaf: object, depth: number, fanOut: number) {
  let below = leaf;
  for (let level = 0; level < depth; level++) {
    const manifests = Array.from({ length: fanOut }, () => below);
    below = await putBlob(oci, JSON.stringify({ schemaVersion: 2, manifests }), INDEX);
  }
  await writeIndex(oci, [below]);
}

const deepIndexes: ManifestCase = {
  name: "indexes nested eight deep",
  async build(dir) {
    const { manifest } = await plainLayout(dir);
    await nestedIndexes(join(dir, "oci"), manifest, 8, 1);
    return `oci-dir:${join(dir, "oci")}`;
  },
  expected: { error: "ImageFormatError", message: /nest too deep/ },
};

const fanOut: ManifestCase = {
  name: "indexes that list the same index 100 times, three deep (a million paths)",
  async build(dir) {
    const { manifest } = await plainLayout(dir);
    await nestedIndexes(join(dir, "oci"), manifest, 3, 100);
    return `oci-dir:${join(dir, "oci")}`;
  },
  expected: "result",
};

/** A classic `docker save` archive of one image whose manifest.json `edit` may rewrite. */
async function dockerArchive(
  dir: string,
  edit: (
    entry: { Config: string; Layers: string[] },
    names: { config: string; layer: string },
  ) => void,
  diffIds?: (layer: string, config: string) => string[],
  memberName: (name: string) => string = (name) => name,
) {
  const layer = await writeLayer(join(dir, "layer.tar"), [
    { name: "etc/os-release", body: "ID=twice\n" },
  ]);
  const layerName = `${layer.diffId.slice(7)}/layer.tar`;
  const config = configFor(diffIds?.(layer.diffId, "") ?? [layer.diffId]);
  const configName = `${sha256(config).slice(7)}.json`;
  const entry = { Config: configName, RepoTags: ["hostile:1"], Layers: [layerName] };
  edit(entry, { config: configName, layer: layerName });
  return writeArchive(join(dir, "docker.tar"), [
    { name: "../../../../canary/evil", body: "escaped" },
    { name: memberName(configName), body: config },
    { name: memberName(layerName), file: layer.path },
    { name: memberName("manifest.json"), body: JSON.stringify([entry]) },
  ]);
}

const layerTwice: ManifestCase = {
  name: "manifest.json listing the same layer twice",
  async build(dir) {
    const layerFile = await writeLayer(join(dir, "l.tar"), [
      { name: "etc/os-release", body: "ID=twice\n" },
    ]);
    const path = await dockerArchive(
      dir,
      (e) => e.Layers.push(e.Layers[0] as string),
      () => [layerFile.diffId, layerFile.diffId],
    );
    return `docker-archive:${path}`;
  },
  expected: "result",
};

const configAsLayer: ManifestCase = {
  name: "manifest.json naming the config as a layer",
  build: async (dir) =>
    `docker-archive:${await dockerArchive(dir, (e, n) => e.Layers.splice(0, 1, n.config))}`,
  expected: { error: "DigestMismatchError", message: /./ },
};

const manifestAsLayer: ManifestCase = {
  name: "manifest.json naming itself as a layer",
  build: async (dir) =>
    `docker-archive:${await dockerArchive(dir, (e) => e.Layers.splice(0, 1, "manifest.json"))}`,
  expected: { error: "DigestMismatchError", message: /./ },
};

const manifestAsConfig: ManifestCase = {
  name: "manifest.json naming itself as the config",
  build: async (dir) =>
    `docker-archive:${await dockerArchive(dir, (e) => {
      e.Config = "manifest.json";
    })}`,
  expected: { error: "ImageFormatError", message: /not a JSON object/ },
};

const namesOutside: ManifestCase = {
  name: "manifest.json naming ../ and absolute paths",
  build: async (dir) =>
    `docker-archive:${await dockerArchive(dir, (e) => {
      e.Layers = ["../../../../etc/passwd"];
      e.Config = "/etc/passwd";
    })}`,
  expected: { error: "ImageFormatError", message: /has no etc\/passwd|has no \/etc\/passwd/ },
};

const membersOutside: ManifestCase = {
  name: "archive members named with ../ and absolute paths",
  build: async (dir) =>
    `docker-archive:${await dockerArchive(
      dir,
      () => {},
      undefined,
      (name) => `/./${name}`,
    )}`,
  expected: "result",
};

/** The layout's layer blob replaced by a link to `target` (a host file, or a loop). */
async function linkedBlobLayout(dir: string, target: string) {
  const { layers } = await plainLayout(dir);
  const blob = join(dir, "oci/blobs/sha256", (layers[0] as { digest: string }).digest.slice(7));
  const { rmSync } = await import("node:fs");
  rmSync(blob);
  symlinkSync(target, blob);
  return join(dir, "oci");
}

const blobToHost: ManifestCase = {
  name: "a layout whose layer blob is a symlink to /etc/shadow on the host",
  build: async (dir) => `oci-dir:${await linkedBlobLayout(dir, "/etc/shadow")}`,
  expected: { error: "ImageFormatError", message: /has no blobs\/sha256/ },
};

const blobToCanary: ManifestCase = {
  name: "a layout whose layer blob is a relative symlink out of the layout",
  build: async (dir) => `oci-dir:${await linkedBlobLayout(dir, "../../../../canary/etc/passwd")}`,
  expected: { error: "ImageFormatError", message: /has no blobs\/sha256/ },
};

const archiveLinkOut: ManifestCase = {
  name: "an OCI archive whose layer member is a link climbing out, and a link loop",
  async build(dir) {
    const { layers, config } = await plainLayout(dir);
    const layerName = `blobs/sha256/${(layers[0] as { digest: string }).digest.slice(7)}`;
    const oci = join(dir, "oci");
    const members = [
      { name: "oci-layout", file: join(oci, "oci-layout") },
      { name: "index.json", file: join(oci, "index.json") },
      ...(await manifestMembers(oci, config.digest)),
      { name: layerName, type: "symlink" as const, linkname: "../../../../etc/passwd" },
      { name: "loop-a", type: "symlink" as const, linkname: "loop-b" },
      { name: "loop-b", type: "symlink" as const, linkname: "loop-a" },
    ];
    return `oci-archive:${await writeArchive(join(dir, "oci.tar"), members)}`;
  },
  expected: { error: "ImageFormatError", message: /has no blobs\/sha256/ },
};

/** The manifest and config blobs of the layout at `oci`, as archive members. */
async function manifestMembers(oci: string, configDigest: string) {
  const { readFileSync } = await import("node:fs");
  const index = JSON.parse(readFileSync(join(oci, "index.json"), "utf8"));
  return [index.manifests[0].digest as string, configDigest].map((d) => ({
    name: `blobs/sha256/${d.slice(7)}`,
    file: join(oci, "blobs/sha256", d.slice(7)),
  }));
}

const manifestAsItsLayer: ManifestCase = {
  name: "a manifest whose layer is a manifest (its own digest cannot be written into it)",
  async build(dir) {
    const oci = join(dir, "oci");
    const { manifest } = await plainLayout(dir);
    const config = await putBlob(
      oci,
      configFor([manifest.digest]),
      "application/vnd.oci.image.config.v1+json",
    );
    const layers = [{ ...manifest, mediaType: "application/vnd.oci.image.layer.v1.tar" }];
    const m = await putBlob(
      oci,
      JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, config, layers }),
      MANIFEST,
    );
    await writeIndex(oci, [m]);
    return `oci-dir:${oci}`;
  },
  expected: "result",
};

/** Every hostile-metadata case. */
export const manifestCases: readonly ManifestCase[] = [
  selfIndex,
  indexCycle,
  deepIndexes,
  fanOut,
  layerTwice,
  configAsLayer,
  manifestAsLayer,
  manifestAsConfig,
  namesOutside,
  membersOutside,
  blobToHost,
  blobToCanary,
  archiveLinkOut,
  manifestAsItsLayer,
];
