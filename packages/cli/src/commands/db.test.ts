import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staleWarning } from "./db.js";

// Runs the built program (npm run build), importing the scanner's vulndb test data: the
// Alpine secdb v3.10 main and the Debian tracker file, both copied from the corpus.
const bin = fileURLToPath(new URL("../../bin/lading.js", import.meta.url));
const testdata = fileURLToPath(new URL("../../../scanner/src/vulndb/testdata", import.meta.url));
let work: string;

function lading(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "lading-db-cli-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("lading db", () => {
  it("fails with one line when there is no database", () => {
    const run = lading("db", "--db", join(work, "none"), "status");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^lading: no vulnerability database in .*\n$/);
  });

  it("imports files and reports them in status", () => {
    const dir = join(work, "db");
    const imported = lading(
      "db",
      "--db",
      dir,
      "import",
      join(testdata, "alpine-v3.10-main.yaml"),
      join(testdata, "debian-tracker.json"),
    );
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(
      /alpine-v3\.10-main\.yaml: 1111 records\n.*debian-tracker\.json: 5 records\n/,
    );
    const status = lading("db", "--db", dir, "status", "--json");
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout).advisories).toBe(1116);
    expect(status.stderr).toBe("");
  });

  it("warns when the data is older than the configured max-age", () => {
    writeFileSync(join(work, "old.yaml"), "db:\n  max-age: 0h\n");
    const run = lading(
      "db",
      "--db",
      join(work, "db"),
      "--config",
      join(work, "old.yaml"),
      "status",
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^lading: warning: vulnerability data is .* old \(max-age 0h\)/);
  });

  it("fails with one line on a missing import path, and on a bad config", () => {
    const missing = lading("db", "--db", join(work, "db"), "import", join(work, "nope"));
    expect([missing.status, missing.stderr]).toEqual([
      1,
      `lading: cannot import ${join(work, "nope")}: no such file or directory\n`,
    ]);
    writeFileSync(join(work, "bad.yaml"), "db:\n  sources: 3\n");
    const bad = lading(
      "db",
      "--db",
      join(work, "db"),
      "--config",
      join(work, "bad.yaml"),
      "update",
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/"db.sources" must be a list\n$/);
  });
});

describe("staleWarning", () => {
  const status = (updatedAt: string) => ({
    path: "x",
    schemaVersion: 1,
    advisories: 1,
    affected: 1,
    sources: [{ name: "s", location: "s", records: 1, skipped: 0, updatedAt }],
  });
  it("warns past max-age and not before", () => {
    const now = new Date("2026-12-10T00:00:00Z");
    expect(staleWarning(status("2026-12-09T00:00:00Z"), 48, now)).toBeUndefined();
    expect(staleWarning(status("2026-12-01T00:00:00Z"), 48, now)).toBe(
      'vulnerability data is 9 days old (max-age 48h); run "lading db update"',
    );
  });
});
