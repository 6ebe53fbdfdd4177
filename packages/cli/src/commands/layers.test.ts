import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithTestImages, loadTestImages } from "../../../../test/support/test-images.js";

// End to end through the built command, as a user runs it (`npm run build` comes first).

const bin = fileURLToPath(new URL("../../bin/lading.js", import.meta.url));
const alpine = fileURLToPath(new URL("../../../../examples/alpine-310.tar.gz", import.meta.url));
let work: string;

function lading(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args, "--no-cache"], {
    cwd: work,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const built = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
  work = mkdtempSync(join(tmpdir(), "lading-layers-"));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("lading layers on alpine 3.10", () => {
  it("writes the report as JSON on a pipe, and passes --ci with efficiency 1", () => {
    const run = lading("layers", `docker-archive:${alpine}`, "--ci", "--top", "3");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.summary.efficiency).toBe(1);
    expect(report.largestFiles).toHaveLength(3);
    expect(report.layers[0].packages.length).toBe(14);
    expect(report.ci).toEqual({
      thresholds: { lowestEfficiency: 0.9, highestWastedPercent: 0.1 },
      passed: true,
      crossed: [],
    });
    const unchecked = JSON.parse(lading("layers", `docker-archive:${alpine}`).stdout);
    expect(unchecked.ci).toBeUndefined();
  });

  it("writes a table when asked", () => {
    const run = lading("layers", `docker-archive:${alpine}`, "-o", "table");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^docker-archive:.*alpine-310\.tar\.gz \(1 layer\)\n/);
    expect(run.stdout).toMatch(/\nEfficiency {2}100\.0% /);
    expect(run.stdout).toContain("\nLargest files\n");
  });

  it("refuses a negative size, and passes the strictest efficiency it meets", () => {
    const run = lading("layers", `docker-archive:${alpine}`, "--highest-wasted-bytes", "-1MB");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/highest-wasted-bytes must be a size such as 20MB, not -1MB/);
    const tight = lading("layers", `docker-archive:${alpine}`, "--lowest-efficiency", "100%");
    expect(tight.status).toBe(0);
  });

  it("exits 1 with one line on a bad output format or threshold, before scanning", () => {
    const format = lading("layers", `docker-archive:${alpine}`, "-o", "xml");
    expect(format.status).toBe(1);
    expect(format.stderr).toBe("lading: unknown output format xml for layers (table or json)\n");
    writeFileSync(join(work, ".lading.yaml"), "layers:\n  lowest-efficency: 0.9\n");
    const config = lading("layers", `docker-archive:${alpine}`, "--ci");
    rmSync(join(work, ".lading.yaml"));
    expect(config.status).toBe(1);
    expect(config.stderr).toMatch(/\.lading\.yaml layers: unknown threshold lowest-efficency/);
  });

  it("exits 1 on a source that cannot be read", () => {
    const run = lading("layers", join(work, "missing.tar"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^lading: /);
    const sbom = lading("layers", "sbom:bom.json");
    expect(sbom.status).toBe(1);
    expect(sbom.stderr).toMatch(/^lading: layers reads images, not SBOMs: sbom:bom.json /);
  });
});

const withImages = describeWithTestImages("lading layers on the Debian test image");

withImages("lading layers --ci on the Debian test image", () => {
  let archive: string;

  beforeAll(() => {
    const images = loadTestImages();
    archive = `docker-archive:${join(images.dir, images.manifest.outputs.dockerArchive.path)}`;
  });

  it("fails the default thresholds, naming each one crossed", () => {
    const run = lading("layers", archive, "--ci", "-o", "json");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^lading: lowest-efficiency: efficiency \d+\.\d% is below 90\.0%$/m);
    expect(run.stderr).toMatch(/^lading: highest-wasted-percent: wasted share/m);
    const report = JSON.parse(run.stdout);
    expect(report.summary.wastedBytes).toBeGreaterThan(80_000_000);
    expect(report.ci.passed).toBe(false);
    expect(report.ci.crossed.map((c: { name: string }) => c.name)).toEqual([
      "lowest-efficiency",
      "highest-wasted-percent",
    ]);
    expect(report.ci.crossed[0].actual).toBe(report.summary.efficiency);
  });

  it("takes thresholds from .lading.yaml, flags overriding them (and implying --ci)", () => {
    writeFileSync(
      join(work, ".lading.yaml"),
      ["layers:", "  lowest-efficiency: 0.5", "  highest-wasted-percent: 50%"]
        .concat("  highest-wasted-bytes: 20MB\n")
        .join("\n"),
    );
    try {
      const run = lading("layers", archive, "--ci", "-o", "json");
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split("\n")).toEqual([
        expect.stringMatching(/^lading: highest-wasted-bytes: wasted .* MB is above 20 MB$/),
      ]);
      const relaxed = lading("layers", archive, "--highest-wasted-bytes", "1GB");
      expect(relaxed.stderr).toBe("");
      expect(relaxed.status).toBe(0);
    } finally {
      rmSync(join(work, ".lading.yaml"));
    }
  });
});
