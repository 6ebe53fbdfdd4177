import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithTestImages, loadTestImages } from "../../../../test/support/test-images.js";

// End to end through the built command, as a user runs it (`npm run build` comes first). The
// two sides are real Alpine package databases, 3.17 (cdxgen's) and 3.18 (osv-scalibr's), kept
// in the scanner's diff testdata; a database is imported from Alpine's real secdb v3.10.
const bin = fileURLToPath(new URL("../../bin/lading.js", import.meta.url));
const testdata = fileURLToPath(new URL("../../../scanner/src/diff/testdata", import.meta.url));
const secdb = fileURLToPath(
  new URL("../../../scanner/src/match/testdata/alpine-secdb", import.meta.url),
);
const older = `dir:${join(testdata, "alpine-installed-cdxgen")}`;
const newer = `dir:${join(testdata, "alpine-installed-scalibr")}`;
let work: string;

function lading(env: Record<string, string>, ...args: string[]) {
  const extra = args[0] === "diff" ? ["--no-cache"] : [];
  const run = spawnSync(process.execPath, [bin, ...args, ...extra], {
    cwd: work,
    encoding: "utf8",
    env: { ...process.env, XDG_CACHE_HOME: join(work, "cache"), LADING_DB_DIR: "", ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const built = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
  work = mkdtempSync(join(tmpdir(), "lading-diff-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("lading diff", () => {
  it("writes JSON: 14 upgrades, and says findings were not compared without a database", () => {
    const run = lading({}, "diff", older, newer, "-o", "json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const diff = JSON.parse(run.stdout);
    expect(diff.packages.upgraded).toHaveLength(14);
    expect(diff.packages.unchanged).toBe(1);
    expect(diff.findings.compared).toBe(false);
    expect(diff.findings.reason).toMatch(/^no vulnerability database in .*cache\/lading\/db/);
  });

  it("writes a table that reads like a changelog", () => {
    const run = lading({}, "diff", older, newer, "-o", "table");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "Packages  0 added, 0 removed, 14 upgraded, 0 downgraded; 1 unchanged\n",
    );
    expect(run.stdout).toMatch(/\nUpgraded\n {2}NAME +FROM +TO +TYPE\n/);
    expect(run.stdout).toMatch(/\n {2}musl:x86_64 +1\.2\.3-r4 +1\.2\.4-r0 +apk\n/);
  });

  it("writes markdown for a pull request: a summary line, then collapsed sections", () => {
    const run = lading({}, "diff", newer, older, "-o", "markdown");
    expect(run.status).toBe(0);
    const [first] = run.stdout.split("\n");
    expect(first).toMatch(/^\*\*Image diff\*\*: 0 added, 0 removed, 0 upgraded, 14 downgraded · /);
    expect(run.stdout).toContain(
      "<details>\n<summary>Packages downgraded (14)</summary>\n\n| Package |",
    );
    expect(run.stdout).toContain("| musl (x86_64) | `1.2.4-r0` | `1.2.3-r4` | apk |  |");
  });

  it("compares findings with a database given by --db", () => {
    const db = join(work, "db");
    const imported = lading({}, "db", "--db", db, "import", secdb);
    expect(imported.status).toBe(0);
    const run = lading({}, "diff", older, newer, "-o", "json", "--db", db);
    expect(run.status).toBe(0);
    // Neither directory has an os-release, so no package can be looked up: zero on each side.
    expect(JSON.parse(run.stdout).findings).toEqual({
      compared: true,
      introduced: [],
      fixed: [],
      unchanged: 0,
      totalA: 0,
      totalB: 0,
    });
  });

  it("fails with one line on an unknown format or a --db that holds no database", () => {
    const format = lading({}, "diff", older, newer, "-o", "yaml");
    expect(format.status).toBe(1);
    expect(format.stderr).toBe(
      "lading: unknown output format yaml for diff (table, json, markdown)\n",
    );
    const missing = lading({}, "diff", older, newer, "--db", join(work, "nothing"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^lading: no vulnerability database in /);
  });

  it("says a missing second image is missing before reading the first", () => {
    const run = lading({}, "diff", older, join(work, "no-such-image.tar"));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `lading: no such file or directory: ${join(work, "no-such-image.tar")}\n`,
    );
  });

  it("refuses an SBOM on either side in one line, rather than looking for an image sbom:TAG", () => {
    const run = lading({}, "diff", older, "sbom:bom.json");
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "lading: diff reads images, not SBOMs: sbom:bom.json can be scanned (lading scan sbom:bom.json)\n",
    );
  });
});

describeWithTestImages("lading diff's findings on the Debian test image")(
  "lading diff counts findings as lading scan does",
  () => {
    it("leaves out what an ignore rule sets aside, on both sides", () => {
      const images = loadTestImages();
      const { dockerArchive, ociArchive } = images.manifest.outputs;
      const a = `docker-archive:${join(images.dir, dockerArchive.path)}`;
      const b = `oci-archive:${join(images.dir, ociArchive.path)}`;
      // The Debian tracker's shape: gzip and coreutils fixed in versions the image lacks.
      const entry = (id: string, installed: string) => ({
        [id]: {
          releases: {
            bookworm: {
              status: "resolved",
              fixed_version: `${installed}+deb12u9`,
              urgency: "high",
              repositories: { bookworm: installed },
            },
          },
        },
      });
      const tracker = {
        gzip: entry("CVE-2099-3001", "1.12-1"),
        coreutils: entry("CVE-2099-3002", "9.1-1"),
      };
      writeFileSync(join(work, "tracker.json"), JSON.stringify(tracker));
      const db = join(work, "debian-db");
      expect(lading({}, "db", "--db", db, "import", join(work, "tracker.json")).status).toBe(0);
      const totals = (...extra: string[]) => {
        const run = lading({}, "diff", a, b, "-o", "json", "--db", db, ...extra);
        expect(run.status, run.stderr).toBe(0);
        const { totalA, totalB, unchanged } = JSON.parse(run.stdout).findings;
        return { totalA, totalB, unchanged };
      };
      expect(totals()).toEqual({ totalA: 2, totalB: 2, unchanged: 2 });
      writeFileSync(
        join(work, "rules.yaml"),
        "ignore:\n  - id: CVE-2099-3001\n    reason: gzip is never run on input from outside\n",
      );
      expect(totals("--config", join(work, "rules.yaml"))).toEqual({
        totalA: 1,
        totalB: 1,
        unchanged: 1,
      });
    });
  },
);
