import { cpSync, linkSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../scan.js";
import type { ScanResult } from "../types.js";
import { assessOutdated } from "./assess-outdated.js";
import { loadEolData } from "./eol/load-eol-data.js";
import { secdbProvider } from "./testdata/secdb-provider.js";
import type { EolData } from "./types.js";

const here = import.meta.dirname;
const alpineImage = join(here, "../../../../examples/alpine-310.tar.gz");
const osReleases = join(here, "../catalog/distro/testdata");
const TODAY = new Date("2026-12-03T00:00:00Z");
let eolData: EolData;

beforeAll(async () => {
  eolData = await loadEolData();
});

describe("the alpine 3.10 image of the corpus", () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scan(`docker-archive:${alpineImage}`);
  });

  it("is past end of life since 2021-05-01", () => {
    const report = assessOutdated(result, { now: TODAY, eolData });
    expect(report.distro).toMatchObject({
      distro: { id: "alpine", versionId: "3.10.4" },
      product: "alpine",
      cycle: "3.10",
      state: "eol",
      decidedBy: { field: "eol", date: "2021-05-01" },
      releaseDate: "2019-06-19",
    });
    expect(report.pastSecuritySupport).toBe(true);
    expect(report.runtimes).toEqual([]);
  });

  it("was still supported the day before its end", () => {
    const report = assessOutdated(result, { now: new Date("2021-04-30T12:00:00Z"), eolData });
    expect(report.distro?.state).toBe("supported");
    expect(report.pastSecuritySupport).toBe(false);
  });

  it("measures the image's age from its config and history", () => {
    const created = result.image?.created as string;
    const lastLayer = result.image?.history.filter((h) => !h.emptyLayer).at(-1)?.created as string;
    const days = (since: string) => Math.floor((TODAY.getTime() - Date.parse(since)) / 86_400_000);
    const report = assessOutdated(result, {
      now: TODAY,
      eolData,
      thresholds: { imageAgeDays: 30 },
    });
    expect(report.age.image).toEqual({
      since: created,
      days: days(created),
      thresholdDays: 30,
      stale: true,
    });
    expect(report.age.newestLayer).toMatchObject({
      since: lastLayer,
      thresholdDays: 180,
      stale: true,
    });
    expect(report.age.notes).toEqual([]);
  });

  it("is level with every fix alpine's secdb for v3.10 knows (the snapshot ends at 3.10.4)", () => {
    const provider = secdbProvider(join(here, "testdata/alpine-secdb-v3.10/main.yaml"));
    const { behind } = assessOutdated(result, { now: TODAY, eolData, fixedVersions: provider });
    // musl 1.1.22-r3, busybox 1.30.1-r3, openssl 1.1.1d-r2 are at or past the newest fixes
    // listed (musl 1.1.22-r3, busybox 1.30.1-r2, openssl 1.1.1d-r0).
    expect(behind).toEqual({ checked: 14, behind: [], notCompared: [] });
  });
});

describe("an alpine 3.11 tree (corpus os-release)", () => {
  it("is past end of life since 2021-11-01", async () => {
    const result = await scan(`dir:${join(osReleases, "claircore-alpine-3.11")}`);
    const report = assessOutdated(result, { now: TODAY, eolData });
    expect(report.distro).toMatchObject({
      cycle: "3.11",
      state: "eol",
      decidedBy: { date: "2021-11-01" },
    });
    expect(report.age.notes).toEqual(["not an image: no build dates"]);
  });
});

describe("a directory declaring Node.js 16", () => {
  it("is past end of life since 2023-09-11, from package.json engines and .nvmrc", async () => {
    const result = await scan(`dir:${join(here, "testdata/node16-app")}`);
    const report = assessOutdated(result, { now: TODAY, eolData });
    expect(report.distro).toBeUndefined();
    const versions = report.runtimes.map((r) => [
      r.product,
      r.version,
      r.cycle,
      r.declared,
      r.state,
    ]);
    expect(versions.sort()).toEqual([
      ["nodejs", "16", "16", true, "eol"],
      ["nodejs", "^16.14.0", "16", true, "eol"],
    ]);
    expect(report.runtimes[0]?.decidedBy).toEqual({ field: "eol", date: "2023-09-11" });
    expect(report.pastSecuritySupport).toBe(true);
  });

  it("reads syft's package.json engines by the lowest release it admits (Node.js 6)", async () => {
    const result = await scan(`dir:${join(here, "testdata/syft-pkg-json")}`);
    const [runtime] = assessOutdated(result, { now: TODAY, eolData }).runtimes;
    expect(runtime).toMatchObject({
      version: "6 >=6.2.0 || 8 || >=9.3.0",
      cycle: "6",
      state: "eol",
    });
    expect(runtime?.decidedBy).toEqual({ field: "eol", date: "2019-04-30" });
  });
});

describe("a real Node.js binary at /usr/local/bin/node", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "lading-node-"));
    mkdirSync(join(root, "usr/local/bin"), { recursive: true });
    // The binary running these tests: its version is known, so the probe has a right answer.
    try {
      linkSync(process.execPath, join(root, "usr/local/bin/node"));
    } catch {
      cpSync(process.execPath, join(root, "usr/local/bin/node"));
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is found with the version it embeds and judged by its cycle", async () => {
    const result = await scan(`dir:${root}`);
    const report = assessOutdated(result, { now: TODAY, eolData });
    const version = process.version.slice(1);
    const major = version.split(".")[0];
    expect(report.runtimes).toMatchObject([
      { product: "nodejs", version, cycle: major, declared: false },
    ]);
    const expected = eolData.products.get("nodejs")?.find((c) => c.cycle === major);
    expect(report.runtimes[0]?.securityEnd).toBe(expected?.eol);
  });
});
