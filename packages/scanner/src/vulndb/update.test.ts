import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDbConfig } from "./config.js";
import { openVulnDb } from "./store/vuln-db.js";
import { importAdvisories, updateVulnDb } from "./update.js";

// A real HTTP server on 127.0.0.1 serving corpus files (testdata/), with ETag and
// Last-Modified validators, so `db update` runs as it would against osv.dev and the distros.
const testdata = join(import.meta.dirname, "testdata");
const files: Record<string, string> = {
  "/Go/all.zip": "go-all.zip",
  "/v3.10/main.yaml": "alpine-v3.10-main.yaml",
  "/tracker/data/json": "debian-tracker.json",
};
const requests: { path: string; conditional: boolean; status: number }[] = [];
let failing = false;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const file = files[req.url ?? ""];
    const conditional = req.headers["if-none-match"] !== undefined;
    const status = failing
      ? 503
      : !file
        ? 404
        : conditional && req.headers["if-none-match"] === etagOf(file)
          ? 304
          : 200;
    requests.push({ path: req.url ?? "", conditional, status });
    if (status !== 200 || !file) return res.writeHead(status).end();
    res.writeHead(200, { etag: etagOf(file), "last-modified": "Tue, 01 Dec 2026 00:00:00 GMT" });
    res.end(readFileSync(join(testdata, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function etagOf(file: string): string {
  return `"${createHash("sha256")
    .update(readFileSync(join(testdata, file)))
    .digest("hex")
    .slice(0, 16)}"`;
}

const sources = () => [
  { name: "osv-Go", url: `${base}/Go/all.zip` },
  { name: "alpine-v3.10-main", url: `${base}/v3.10/main.yaml` },
  { name: "debian-tracker", url: `${base}/tracker/data/json` },
];
const freshDir = () => mkdtempSync(join(tmpdir(), "lading-db-"));

describe("db update over HTTP", () => {
  const dir = freshDir();

  it("fetches every source and stores their records", async () => {
    const reports = await updateVulnDb(dir, sources());
    // 253 Go records in the zip; 1,111 distinct CVEs among secdb v3.10 main's fixes (one record
    // per CVE and branch); 5 CVEs with a numbered Debian release affected in the tracker file.
    expect(reports.map((r) => [r.name, r.outcome, r.records])).toEqual([
      ["osv-Go", "loaded", 253],
      ["alpine-v3.10-main", "loaded", 1111],
      ["debian-tracker", "loaded", 5],
    ]);
    const db = openVulnDb(dir);
    expect(db.status().sources.map((s) => [s.name, s.records])).toEqual([
      ["alpine-v3.10-main", 1111],
      ["debian-tracker", 5],
      ["osv-Go", 253],
    ]);
    expect(
      db
        .lookup("Alpine:v3.10", "musl")
        .map((m) => m.advisory.id)
        .sort(),
    ).toEqual(["ALPINE-CVE-2016-8859", "ALPINE-CVE-2019-14697"]);
    db.close();
  });

  it("sends the stored validators again and keeps the data on 304", async () => {
    requests.length = 0;
    const reports = await updateVulnDb(dir, sources());
    expect(reports.map((r) => r.outcome)).toEqual(["not-modified", "not-modified", "not-modified"]);
    expect(requests.every((r) => r.conditional && r.status === 304)).toBe(true);
    const db = openVulnDb(dir);
    expect(db.status().advisories).toBe(253 + 1111 + 5);
    db.close();
  });

  it("keeps the old data when an update fails, and a reader never sees half an update", async () => {
    const reader = openVulnDb(dir);
    const before = reader.status().advisories;
    failing = true;
    await expect(updateVulnDb(dir, sources())).rejects.toThrow(/HTTP 503/);
    failing = false;
    expect(reader.status().advisories).toBe(before);
    const after = openVulnDb(dir);
    expect(after.status().advisories).toBe(before);
    reader.close();
    after.close();
  });

  it("drops a source no longer configured", async () => {
    await updateVulnDb(dir, sources().slice(0, 1));
    const db = openVulnDb(dir);
    expect(db.status().sources.map((s) => s.name)).toEqual(["osv-Go"]);
    expect(db.lookup("Alpine:v3.10", "musl")).toEqual([]);
    db.close();
  });
});

describe("db import", () => {
  it("imports a zip, a single record and a URL; a broken file is skipped with its reason", async () => {
    const dir = freshDir();
    const broken = join(freshDir(), "broken.json");
    writeFileSync(broken, "{ not json");
    const reports = await importAdvisories(dir, [
      join(testdata, "go-all.zip"),
      join(testdata, "nopackage-GHSA-9v2f-6vcg-3hgv.json"),
      `${base}/tracker/data/json`,
      broken,
    ]);
    // The osv-linter's "nopackage" record names a package PyPI does not have: valid OSV still.
    expect(reports.map((r) => r.records)).toEqual([253, 1, 5, 0]);
    expect(reports[3]?.skipped[0]?.reason).toMatch(/^cannot parse: /);
  });

  it("fails on a missing path and leaves no database behind", async () => {
    const dir = freshDir();
    await expect(importAdvisories(dir, [join(dir, "nope")])).rejects.toThrow(
      /no such file or directory/,
    );
    expect(() => openVulnDb(dir)).toThrow(/no vulnerability database/);
  });
});

describe("config", () => {
  it("reads sources and max-age from the db section", () => {
    const text =
      "db:\n  max-age: 2d\n  sources:\n    - name: x\n      url: https://example.org/x.zip\n";
    expect(parseDbConfig(text, ".lading.yaml")).toEqual({
      sources: [{ name: "x", url: "https://example.org/x.zip" }],
      maxAgeHours: 48,
    });
    expect(() => parseDbConfig("db:\n  sources: [{name: x}]\n", "c.yaml")).toThrow(
      /db.sources\[0\] needs/,
    );
  });
});
