/**
 * The real Debian test image, as a new user would scan it: pushed with skopeo to a real
 * `docker-registry` on loopback, loaded with `podman load` into a `podman system service`, and
 * scanned by the built `lading` command from the registry, from the engine and from its
 * docker-archive. All three must give the same packages, versions, purls and layers.
 *
 * The multi-platform case is an index made by `podman manifest create/add/push`, which works
 * offline from local OCI layouts: the full image as linux/amd64 and its two-layer form (the image
 * before its last step) as linux/arm64/v8, so picking a platform visibly changes the packages.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { truncatedOciLayout } from "../packages/scanner/src/diff/truncated-image.fixture.js";
import { type RunningPodman, startPodman } from "./harness/podman.js";
import { pushOciLayout, type RunningRegistry, startRegistry } from "./harness/registry.js";
import { checkTools, requireTools } from "./harness/tools.js";
import {
  checkTestImages,
  expectedLayerIndex,
  loadTestImages,
  repoRoot,
  type TestImages,
} from "./support/test-images.js";

const TOOLS = ["docker-registry", "skopeo", "podman"];
const cli = join(repoRoot, "packages", "cli", "bin", "lading.js");
const cliBuilt = existsSync(join(repoRoot, "packages", "cli", "dist", "main.js"));

const imagesCheck = checkTestImages();
const toolsCheck = checkTools(TOOLS);
const required = Boolean(process.env.LADING_REQUIRE_TEST_IMAGES);
const skip = !required && !(imagesCheck.ok && toolsCheck.ok);
if (skip) {
  const reason = imagesCheck.ok ? toolsCheck.reason : imagesCheck.reason;
  console.warn(`Skipping the registry and engine tests on the Debian image: ${reason}`);
}

/** What the comparison looks at: one line per package, sorted. */
type Row = string;

let images: TestImages;
let work: string;
let registry: RunningRegistry;
let podman: RunningPodman;
let fromArchive: Row[];

/** Runs the built CLI; returns its status, stderr and the package rows of its JSON output. */
function lading(args: string[]): { status: number | null; stderr: string; rows: Row[] } {
  const child = spawnSync(process.execPath, [cli, "sbom", ...args, "-o", "json"], {
    encoding: "utf8",
    env: { ...process.env, LADING_CACHE_DIR: join(work, "user-cache") },
    maxBuffer: 256 << 20,
  });
  const rows = child.status === 0 ? rowsOf(JSON.parse(child.stdout)) : [];
  return { status: child.status, stderr: child.stderr, rows };
}

function rowsOf(doc: { packages: Record<string, string>[] }): Row[] {
  return doc.packages.map((p) => [p.type, p.name, p.version, p.purl, p.layer].join(" ")).sort();
}

/** `name version layer-diff-id` of what dpkg-query listed after layer `top` (1-based). */
function expectedDebs(top: number): string[] {
  const layers = images.layerPackages.slice(0, top);
  return (layers[top - 1] ?? [])
    .map((p) => {
      const diffId = images.manifest.layers[expectedLayerIndex(layers, p)]?.diffId;
      return `${p.name} ${p.version} ${diffId}`;
    })
    .sort();
}

const debsOf = (rows: Row[]) =>
  rows
    .filter((r) => r.startsWith("deb "))
    .map((r) => r.split(" "))
    .map(([, name, version, , layer]) => `${name} ${version} ${layer}`)
    .sort();

describe.skipIf(skip)("the Debian test image from a registry and an engine", () => {
  beforeAll(async () => {
    requireTools(TOOLS);
    if (!cliBuilt) throw new Error(`${cli} has no build yet: run \`npm run build\` first`);
    images = loadTestImages();
    work = mkdtempSync(join(tmpdir(), "lading-registry-debian-"));
    mkdirSync(join(work, "storage"));
    registry = await startRegistry({ storage: join(work, "storage") });
    const { ociDir, dockerArchive } = images.manifest.outputs;
    pushOciLayout(join(images.dir, ociDir.path), ociDir.tag, registry.host, "test/debian:bookworm");
    podman = await startPodman();
    podman.load(join(images.dir, dockerArchive.path));
    podman.run(["tag", dockerArchive.repoTags[0] as string, "test/debian"]);
    const archive = lading([
      "--no-cache",
      `docker-archive:${join(images.dir, dockerArchive.path)}`,
    ]);
    fromArchive = archive.rows;
  }, 240_000);

  afterAll(async () => {
    await podman?.stop();
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("reads from the archive every dpkg package with the layer that installed it", () => {
    expect(debsOf(fromArchive)).toEqual(expectedDebs(images.layerPackages.length));
  });

  it("gives the same packages from the registry, over plain HTTP on loopback", () => {
    const ref = `registry:${registry.host}/test/debian:bookworm`;
    const run = lading([ref, "--insecure", "--cache-dir", join(work, "cache-registry")]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.rows).toEqual(fromArchive);
  });

  it("gives the same packages again from the registry once its layers are cached", () => {
    const ref = `registry:${registry.host}/test/debian:bookworm`;
    const run = lading([ref, "--insecure", "--cache-dir", join(work, "cache-registry")]);
    expect(run.status).toBe(0);
    expect(run.rows).toEqual(fromArchive);
  });

  it("gives the same packages from the podman engine socket", () => {
    const run = lading(["podman:test/debian", "--engine", podman.endpoint, "--no-cache"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.rows).toEqual(fromArchive);
  });

  describe("a multi-platform index made by podman manifest", () => {
    beforeAll(() => {
      const { ociDir } = images.manifest.outputs;
      const full = join(images.dir, ociDir.path);
      const older = truncatedOciLayout(full, ociDir.tag, 2);
      const list = "localhost/test/debian-multi";
      podman.run(["manifest", "create", list]);
      podman.run([
        "manifest",
        "add",
        "--os",
        "linux",
        "--arch",
        "amd64",
        list,
        `oci:${full}:${ociDir.tag}`,
      ]);
      const arm = ["--os", "linux", "--arch", "arm64", "--variant", "v8"];
      podman.run(["manifest", "add", ...arm, list, `oci:${older}:${ociDir.tag}`]);
      const target = `docker://${registry.host}/test/debian:multi`;
      podman.run(["manifest", "push", "--all", "--tls-verify=false", list, target]);
    }, 120_000);

    const multi = () => `registry:${registry.host}/test/debian:multi`;

    it("picks the linux/amd64 image, the same packages as the archive", () => {
      const run = lading([multi(), "--insecure", "--no-cache", "--platform", "linux/amd64"]);
      expect(run.status).toBe(0);
      expect(run.rows).toEqual(fromArchive);
    });

    it("picks the two-layer linux/arm64/v8 image: what dpkg listed after layer 2", () => {
      const run = lading([multi(), "--insecure", "--no-cache", "--platform", "linux/arm64/v8"]);
      expect(run.status).toBe(0);
      expect(debsOf(run.rows)).toEqual(expectedDebs(2));
      for (const name of images.manifest.purged)
        expect(debsOf(run.rows).join("\n")).toContain(name);
    });

    it("fails clearly, naming the platforms it has, when none fits", () => {
      const run = lading([multi(), "--insecure", "--no-cache", "--platform", "linux/s390x"]);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain("linux/s390x");
      expect(run.stderr).toContain("linux/amd64");
      expect(run.stderr).toContain("linux/arm64/v8");
    });
  });
});
