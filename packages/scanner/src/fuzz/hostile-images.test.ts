/**
 * Hostile images built by the harness and scanned end to end through the real sources
 * (oci-dir, oci-archive, docker-archive plain and gzip): traversal, link loops and escapes, hard
 * links out, gzip and zstd bombs, a million empty files, hostile names and manifests that loop.
 * Every scan must end in a result or a typed error, within its time and memory bounds, writing
 * nothing anywhere. `LADING_HOSTILE_FULL=1` (`npm run fuzz:hostile`) runs the full sizes: a
 * 10 GiB bomb and 1,000,000 files, where CI runs 1 GiB and 100,000.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseReport, scanHostile } from "./hostile-harness.fixture.js";
import { buildForms, type ImageForms } from "./hostile-image.fixture.js";
import { layerCases } from "./hostile-layers.fixture.js";
import { manifestCases } from "./hostile-manifests.fixture.js";
import { type BuiltBlob, emptyFiles, writeBomb, writeLayer } from "./hostile-tar.fixture.js";

const FULL = process.env.LADING_HOSTILE_FULL === "1";
const reports: CaseReport[] = [];
let root: string;
let canary: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "lading-hostile-"));
  canary = join(root, "canary");
  mkdirSync(join(canary, "etc"), { recursive: true });
  writeFileSync(join(canary, "etc/passwd"), "canary:x:0:0::/:/bin/sh\n");
  writeFileSync(join(canary, "evil"), "untouched\n");
});

afterAll(() => {
  printFigures(reports);
  rmSync(root, { recursive: true, force: true });
});

async function scanAll(name: string, dir: string, forms: Partial<ImageForms>, timeMs: number, rssBytes: number) {
  const out: CaseReport[] = [];
  for (const [kind, reference] of Object.entries(forms)) {
    const report = await scanHostile(`${name} [${kind}]`, reference, {
      timeMs,
      rssBytes,
      watch: [canary, dir],
      scratchRoot: root,
    });
    reports.push(report);
    expect(report.crash, report.name).toBeUndefined();
    expect(report.hang, report.name).toBe(false);
    expect(report.writesOutside, report.name).toEqual([]);
    expect(report.rssPeakMiB * 2 ** 20, report.name).toBeLessThan(rssBytes);
    out.push(report);
  }
  return out;
}

describe("hostile layers, scanned through every source", () => {
  for (const c of layerCases) {
    it(c.name, async () => {
      const dir = mkdtempSync(join(root, "case-"));
      const forms = await buildForms(join(dir, "image"), [await c.build(join(dir, "layer.tar"))]);
      for (const report of await scanAll(c.name, join(dir, "image"), forms, 10_000, 256 << 20)) {
        expect(report.badOutput, report.name).toEqual([]);
        if (report.result) c.expectResult(report.result);
        else expect.fail(`${report.name}: ${report.outcome} ${report.message}`);
      }
    });
  }
});

describe("hostile manifests and archives", () => {
  for (const c of manifestCases) {
    it(c.name, async () => {
      const dir = mkdtempSync(join(root, "case-"));
      const reference = await c.build(dir);
      const [report] = await scanAll(c.name, dir, { [reference.split(":")[0] as string]: reference }, 10_000, 256 * MiB);
      if (c.expected === "result") expect(report?.outcome, report?.message).toBe("result");
      else {
        expect(report?.outcome, report?.message).toBe(c.expected.error);
        expect(report?.message).toMatch(c.expected.message);
      }
    });
  }
});

function printFigures(all: CaseReport[]): void {
  const lines = all.map(
    (r) =>
      `${r.name.padEnd(70)} ${String(r.ms).padStart(7)} ms ${String(r.rssPeakMiB).padStart(5)} MiB  ${r.outcome}${r.message ? `: ${r.message.slice(0, 100)}` : ""}`,
  );
  const crashes = all.filter((r) => r.crash !== undefined).length;
  const hangs = all.filter((r) => r.hang).length;
  const writes = all.filter((r) => r.writesOutside.length > 0).length;
  console.log(
    [
      `hostile images (${FULL ? "full size" : "CI size"}): case, wall time, peak RSS growth, outcome`,
      ...lines,
      `inputs tried ${all.length}, crashes ${crashes}, hangs ${hangs}, writes outside ${writes}`,
    ].join("\n"),
  );
}

const GiB = 2 ** 30;
const MiB = 2 ** 20;
const BOMB = FULL ? 10 * GiB : GiB;
const FILES = FULL ? 1_000_000 : 100_000;
const BIG_TIME = FULL ? 600_000 : 30_000;

describe("bombs and huge layers", () => {
  async function bomb(name: string, build: (path: string) => Promise<BuiltBlob>, kinds: (keyof ImageForms)[]) {
    const dir = mkdtempSync(join(root, "case-"));
    const forms = await buildForms(join(dir, "image"), [await build(join(dir, "layer"))]);
    const picked = Object.fromEntries(kinds.map((k) => [k, forms[k]]));
    return scanAll(name, join(dir, "image"), picked, BIG_TIME, 256 * MiB);
  }

  const files = [
    { name: "var/lib/dpkg/status", bytes: 64 * MiB },
    { name: "zeros", bytes: BOMB },
  ];

  it(`a gzip layer of ${BOMB / GiB} GiB of zeros in files, one at a path a cataloger reads`, async () => {
    const reports = await bomb("gzip bomb", (p) => writeBomb(p, files, "gzip"), ["oci-dir", "docker-archive-gz"]);
    for (const r of reports) {
      expect(r.outcome, r.message).toBe("result");
      expect(r.result?.unknowns.map((u) => u.reason).join("\n")).toMatch(/over the \d+-byte read limit/);
    }
  }, BIG_TIME * 3);

  it(`a zstd layer of ${BOMB / GiB} GiB of zeros`, async () => {
    const reports = await bomb("zstd bomb", (p) => writeBomb(p, files, "zstd"), ["oci-archive"]);
    for (const r of reports) expect(r.outcome, r.message).toBe("result");
  }, BIG_TIME * 3);

  it(`a gzip layer that is ${BOMB / GiB} GiB of zeros and no tar header`, async () => {
    await bomb("gzip zeros, no header", (p) => writeBomb(p, [], "gzip", BOMB), ["docker-archive"]);
  }, BIG_TIME * 3);

  it(`a layer of ${FILES} empty files`, async () => {
    const build = (p: string) => writeLayer(p, emptyFiles(FILES), "gzip");
    const reports = await bomb(`${FILES} empty files`, build, ["oci-dir", "docker-archive-gz"]);
    for (const r of reports) expect(r.outcome, r.message).toBe("result");
  }, BIG_TIME * 3);
});
