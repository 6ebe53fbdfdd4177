/**
 * Runs the built `lading` command on the real Debian test image, as a user would, writing three
 * formats at once, and checks that each parses and lists the packages dpkg-query reported.
 * Schema validation of each format lives beside the format's code.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  describeWithTestImages,
  loadTestImages,
  repoRoot,
  type TestImages,
} from "./support/test-images.js";

const withImages = describeWithTestImages("lading sbom on the Debian test image");
const cli = join(repoRoot, "packages", "cli", "bin", "lading.js");
const cliBuilt = existsSync(join(repoRoot, "packages", "cli", "dist", "main.js"));

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  cyclonedx: { components?: { purl?: string; properties?: { name: string; value: string }[] }[] };
  spdx: { packages?: { externalRefs?: { referenceType: string; referenceLocator: string }[] }[] };
}

let images: TestImages;
let run: CliRun;
let out: string;

/** `name version` of every package dpkg-query listed after the top layer. */
function expectedDebs(): string[] {
  const top = images.layerPackages[images.layerPackages.length - 1] ?? [];
  return top.map((p) => `${p.name} ${p.version}`).sort();
}

withImages("lading sbom on the Debian test image", () => {
  beforeAll(() => {
    if (!cliBuilt) throw new Error(`${cli} has no build yet: run \`npm run build\` first`);
    images = loadTestImages();
    out = mkdtempSync(join(tmpdir(), "lading-cli-"));
    const image = join(images.dir, images.manifest.outputs.dockerArchive.path);
    const cdx = join(out, "sbom.cdx.json");
    const spdx = join(out, "sbom.spdx.json");
    const args = ["sbom", `docker-archive:${image}`, "-o", `cyclonedx-json=${cdx}`];
    args.push("-o", `spdx-json=${spdx}`, "-o", "json");
    const child = spawnSync(process.execPath, [cli, ...args], {
      encoding: "utf8",
      // A fresh layer cache: every layer is read, and the user's cache is left alone.
      env: { ...process.env, LADING_CACHE_DIR: join(out, "layer-cache") },
      maxBuffer: 256 << 20,
    });
    run = {
      status: child.status,
      stdout: child.stdout,
      stderr: child.stderr,
      cyclonedx: child.status === 0 ? JSON.parse(readFileSync(cdx, "utf8")) : {},
      spdx: child.status === 0 ? JSON.parse(readFileSync(spdx, "utf8")) : {},
    };
  });

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("exits 0 and is silent on stderr when it is not a terminal", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("writes Lading's JSON to stdout with every dpkg package, version and layer", () => {
    const doc = JSON.parse(run.stdout);
    const debs = doc.packages.filter((p: { type: string }) => p.type === "deb");
    const found = debs.map((p: { name: string; version: string }) => `${p.name} ${p.version}`);
    expect(found.sort()).toEqual(expectedDebs());
    const diffIds = new Set(images.manifest.layers.map((l) => l.diffId));
    for (const p of debs) expect(diffIds.has(p.layer), p.name).toBe(true);
    expect(doc.image.configDigest).toBe(images.manifest.configDigest);
  });

  it("writes a CycloneDX document whose components are the same packages and layers", () => {
    const doc = JSON.parse(run.stdout);
    const fromJson = doc.packages
      .filter((p: { type: string }) => p.type === "deb")
      .map((p: { purl: string; layer: string }) => `${p.purl} ${p.layer}`)
      .sort();
    const components = (run.cyclonedx.components ?? []).filter((c) =>
      c.purl?.startsWith("pkg:deb/"),
    );
    const layerOf = (c: (typeof components)[number]) =>
      c.properties?.find((p) => p.name === "lading:layer:diffId")?.value;
    expect(components.map((c) => `${c.purl} ${layerOf(c)}`).sort()).toEqual(fromJson);
    expect(components).toHaveLength(expectedDebs().length);
  });

  it("writes an SPDX document whose packages carry the same purls", () => {
    const doc = JSON.parse(run.stdout);
    const fromJson = doc.packages
      .filter((p: { type: string }) => p.type === "deb")
      .map((p: { purl: string }) => p.purl)
      .sort();
    const purls = (run.spdx.packages ?? [])
      .flatMap((p) => p.externalRefs ?? [])
      .filter((r) => r.referenceType === "purl" && r.referenceLocator.startsWith("pkg:deb/"))
      .map((r) => r.referenceLocator);
    expect(purls.sort()).toEqual(fromJson);
  });
});
