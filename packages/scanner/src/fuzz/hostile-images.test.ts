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
const tableProblems: string[] = [];
const GiB = 2 ** 30;
const MiB = 2 ** 20;
const BOMB = FULL ? 10 * GiB : GiB;
const FILES = FULL ? 1_000_000 : 100_000;
const BIG_TIME = FULL ? 600_000 : 30_000;
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

async function scanAll(
  name: string,
  dir: string,
  forms: Partial<ImageForms>,
  timeMs: number,
  rssBytes: number,
) {
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
    expect(report.rssPeakMiB * MiB, report.name).toBeLessThan(rssBytes);
    out.push(report);
  }
  return out;
}

describe("hostile layers, scanned through every source", () => {
  for (const c of layerCases) {
    it(c.name, async () => {
      const dir = mkdtempSync(join(root, "case-"));
      const forms = await buildForms(join(dir, "image"), [await c.build(join(dir, "layer.tar"))]);
      for (const report of await scanAll(c.name, join(dir, "image"), forms, 10_000, 256 * MiB)) {
        const [table, others] = partition(report.badOutput, (b) => b.startsWith("table:"));
        expect(others, report.name).toEqual([]);
        tableProblems.push(...table.map((t) => `${report.name}: ${t}`));
        if (report.result) c.expectResult(report.result);
        else expect.fail(`${report.name}: ${report.outcome} ${report.message}`);
      }
    });
  }

  it("the table lets no control character of package metadata reach the terminal", () => {
    expect(tableProblems).toEqual([]);
  });
});

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((i) => !test(i))];
}

describe("hostile manifests and archives", () => {
  for (const c of manifestCases) {
    it(c.name, async () => {
      const dir = mkdtempSync(join(root, "case-"));
      const reference = await c.build(dir);
      const forms = { [reference.slice(0, reference.indexOf(":"))]: reference };
      const [report] = await scanAll(c.name, dir, forms, 10_000, 256 * MiB);
      if (c.expected === "result") expect(report?.outcome, report?.message).toBe("result");
      else {
        expect(report?.outcome, report?.message).toBe(c.expected.error);
        expect(report?.message).toMatch(c.expected.message);
      }
    });
  }
});

describe("bombs and huge layers", () => {
  async function bomb(
    name: string,
    build: (path: string) => Promise<BuiltBlob>,
    kinds: (keyof ImageForms)[],
    rssBytes = 256 * MiB,
  ) {
    const dir = mkdtempSync(join(root, "case-"));
    const forms = await buildForms(join(dir, "image"), [await build(join(dir, "layer"))]);
    const picked = Object.fromEntries(kinds.map((k) => [k, forms[k]]));
    return scanAll(name, join(dir, "image"), picked, BIG_TIME, rssBytes);
  }

  const files = [
    // Just over the dpkg cataloger's 64 MiB read limit in CI, far over it in the full run.
    { name: "var/lib/dpkg/status", bytes: FULL ? GiB : 64 * MiB + 512 },
    { name: "zeros", bytes: BOMB },
  ];

  it(
    `a gzip layer of ${BOMB / GiB} GiB of zeros in files, one at a path a cataloger reads`,
    async () => {
      const build = (p: string) => writeBomb(p, files, "gzip");
      for (const r of await bomb("gzip bomb", build, ["oci-dir", "docker-archive-gz"])) {
        expect(r.outcome, r.message).toBe("result");
        const reasons = r.result?.unknowns.map((u) => u.reason).join("\n");
        expect(reasons).toMatch(/over the \d+-byte read limit/);
      }
    },
    BIG_TIME * 3,
  );

  it(
    "a zstd layer of 256 MiB of zeros stays within its memory bound",
    async () => {
      const build = (p: string) => writeBomb(p, [{ name: "zeros", bytes: GiB / 4 }], "zstd");
      for (const r of await bomb("zstd bomb", build, ["oci-archive"])) {
        expect(r.outcome, r.message).toBe("result");
      }
    },
    BIG_TIME * 3,
  );

  it(
    `a gzip layer that is ${BOMB / GiB} GiB of zeros and no tar header`,
    async () => {
      const build = (p: string) => writeBomb(p, [], "gzip", BOMB);
      for (const r of await bomb("gzip zeros, no header", build, ["docker-archive"])) {
        expect(r.outcome, r.message).toBe("result");
      }
    },
    BIG_TIME * 3,
  );

  it(
    `a layer of ${FILES} empty files`,
    async () => {
      const build = (p: string) => writeLayer(p, emptyFiles(FILES), "gzip");
      const rss = FULL ? 2 * GiB : 512 * MiB;
      for (const r of await bomb(
        `${FILES} empty files`,
        build,
        ["oci-dir", "docker-archive-gz"],
        rss,
      )) {
        expect(r.outcome, r.message).toBe("result");
      }
    },
    BIG_TIME * 3,
  );
});

function printFigures(all: CaseReport[]): void {
  const lines = all.map((r) => {
    const outcome = r.message ? `${r.outcome}: ${r.message.slice(0, 90)}` : r.outcome;
    const figures = `${String(r.ms).padStart(7)} ms ${String(r.rssPeakMiB).padStart(5)} MiB`;
    return `${r.name.slice(0, 72).padEnd(72)} ${figures}  ${outcome}`;
  });
  const crashes = all.filter((r) => r.crash !== undefined).length;
  const hangs = all.filter((r) => r.hang).length;
  const writes = all.filter((r) => r.writesOutside.length > 0).length;
  const size = FULL ? "full size" : "CI size; LADING_HOSTILE_FULL=1 for full size";
  console.log(
    [
      `hostile images (${size}): case [source], wall time, peak RSS growth, outcome`,
      ...lines,
      `process peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB (all cases, the builders too)`,
      `inputs tried ${all.length}, crashes ${crashes}, hangs ${hangs}, writes outside ${writes}`,
    ].join("\n"),
  );
}
