#!/usr/bin/env node
/**
 * `npm run bench:match`: vulnerability matching at scale. Builds advisory data shaped like the
 * corpus's real records — Debian tracker entries (source package → CVE → release states, with
 * backport `~debNuM` fixes, open and end-of-life entries), Alpine secdb files, and OSV records
 * whose ranges copy the shapes of the corpus's Go, Maven and PyPI records (introduced/fixed
 * pairs, several branches, last_affected, `versions` lists, CVSS vectors, aliases) — writes
 * them as the feeds publish them, imports them with `importAdvisories` and times it, then
 * matches 10,000 packages (Debian 12 packages by source, and language packages) against it.
 *
 * Target: matching under 1 s once the database is open. Needs a build (npm run build).
 * Usage: node scripts/bench-match.mjs [--advisories N] [--packages N]
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { importAdvisories, matchPackages, openVulnDb } from "../packages/scanner/dist/index.js";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ADVISORIES = arg("--advisories", 300_000);
const PACKAGES = arg("--packages", 10_000);

// A small deterministic generator, so runs compare.
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const RELEASES = { buster: "10", bullseye: "11", bookworm: "12", trixie: "13" };
const VECTORS = [
  "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
  "CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:H/I:N/A:N",
  "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L",
  "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
];
const LANGUAGES = [
  { ecosystem: "PyPI", type: "pypi", name: (i) => `pkg-${i}`, version: (a, b) => `${a}.${b}.0` },
  { ecosystem: "npm", type: "npm", name: (i) => `lib-${i}`, version: (a, b) => `${a}.${b}.0` },
  {
    ecosystem: "Maven",
    type: "maven",
    name: (i) => `org.example:art-${i}`,
    version: (a, b) => `${a}.${b}.0`,
  },
  {
    ecosystem: "Go",
    type: "golang",
    name: (i) => `example.com/mod${i}`,
    version: (a, b) => `${a}.${b}.0`,
  },
];

/** Debian tracker shape: ~8 CVEs per source package, states per release as the real export has. */
function trackerDoc(count, sources) {
  const doc = {};
  for (let n = 0; n < count; n++) {
    const src = `src${n % sources}`;
    doc[src] ??= {};
    const releases = {};
    for (const [codename, major] of Object.entries(RELEASES)) {
      const r = random();
      if (r < 0.6)
        releases[codename] = {
          status: "resolved",
          fixed_version: `1.${n % 9}-1~deb${major}u1`,
          urgency: pick(["low", "medium", "high**"]),
        };
      else if (r < 0.8)
        releases[codename] = {
          status: "open",
          urgency: "not yet assigned",
          nodsa: "Minor issue",
          nodsa_reason: "",
        };
      else releases[codename] = { status: "open", urgency: "end-of-life" };
    }
    doc[src][`CVE-2030-${100000 + n}`] = { description: "generated", scope: "remote", releases };
  }
  return doc;
}

/** Alpine secdb shape: origin → fixed pkgver-rN → CVEs. */
function secdbDoc(count, origins) {
  const packages = [];
  for (let n = 0; n < count; n += 4) {
    const secfixes = {};
    for (let k = 0; k < 4; k++) secfixes[`2.${k}.${n % 7}-r${k}`] = [`CVE-2031-${100000 + n + k}`];
    packages.push({ pkg: { name: `origin${(n / 4) % origins}`, secfixes } });
  }
  return { distroversion: "v3.20", reponame: "main", archs: ["x86_64"], packages };
}

/** OSV shape: the ranges of real GHSA/PYSEC/GO records, over a generated name space. */
function osvRecord(n, names) {
  const lang = LANGUAGES[n % LANGUAGES.length];
  const i = Math.floor(random() * names);
  const a = Math.floor(random() * 5);
  const shapes = [
    [{ introduced: "0" }, { fixed: lang.version(a, 5) }],
    [
      { introduced: lang.version(a, 0) },
      { fixed: lang.version(a, 3) },
      { introduced: lang.version(a + 1, 0) },
      { fixed: lang.version(a + 1, 2) },
    ],
    [{ introduced: "0" }, { last_affected: lang.version(a, 4) }],
  ];
  return {
    schema_version: "1.6.0",
    id: `GHSA-gen-${n}`,
    modified: "2026-01-01T00:00:00Z",
    aliases: [`CVE-2032-${100000 + n}`],
    summary: "generated from real record shapes",
    severity: [
      { type: pick(VECTORS).startsWith("CVSS:4") ? "CVSS_V4" : "CVSS_V3", score: pick(VECTORS) },
    ],
    affected: [
      {
        package: { ecosystem: lang.ecosystem, name: lang.name(i) },
        ranges: [{ type: "ECOSYSTEM", events: pick(shapes) }],
        ...(random() < 0.2 ? { versions: [lang.version(a, 1)] } : {}),
      },
    ],
  };
}

function writeData(root) {
  const tracker = Math.floor(ADVISORIES * 0.4);
  const secdb = Math.floor(ADVISORIES * 0.2);
  const osv = ADVISORIES - tracker - secdb;
  writeFileSync(join(root, "debian.json"), JSON.stringify(trackerDoc(tracker, tracker / 8)));
  writeFileSync(join(root, "main.json"), JSON.stringify(secdbDoc(secdb, secdb / 16)));
  const osvDir = join(root, "osv");
  mkdirSync(osvDir);
  for (let n = 0; n < osv; n++)
    writeFileSync(join(osvDir, `GHSA-gen-${n}.json`), JSON.stringify(osvRecord(n, osv / 6)));
  return { tracker, secdb, osv, sources: tracker / 8, names: osv / 6 };
}

function packages(shape) {
  const out = [];
  for (let n = 0; n < PACKAGES; n++) {
    if (n % 2 === 0) {
      const src = `src${Math.floor(random() * shape.sources)}`;
      const version = `1.${Math.floor(random() * 9)}-1${random() < 0.5 ? "~deb12u1" : ""}`;
      out.push({
        name: `bin-${n}`,
        version,
        type: "deb",
        purl: `pkg:deb/debian/bin-${n}@${version}`,
        foundBy: "bench",
        foundHow: "installed",
        locations: [{ path: "/var/lib/dpkg/status" }],
        source: { name: src },
      });
    } else {
      const lang = LANGUAGES[n % LANGUAGES.length];
      const name = lang.name(Math.floor(random() * shape.names));
      const version = lang.version(Math.floor(random() * 6), Math.floor(random() * 6));
      const [group, artifact] = lang.type === "maven" ? name.split(":") : [undefined, name];
      const purl = group
        ? `pkg:maven/${group}/${artifact}@${version}`
        : `pkg:${lang.type}/${name}@${version}`;
      out.push({
        name: artifact,
        version,
        type: lang.type,
        purl,
        foundBy: "bench",
        foundHow: "lockfile",
        locations: [{ path: "/app" }],
      });
    }
  }
  return out;
}

const root = mkdtempSync(join(tmpdir(), "lading-bench-match-"));
try {
  const data = join(root, "data");
  mkdirSync(data);
  let t = performance.now();
  const shape = writeData(data);
  console.log(
    `generated ${ADVISORIES} advisories (${shape.tracker} tracker, ${shape.secdb} secdb, ${shape.osv} OSV) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const dir = join(root, "db");
  t = performance.now();
  const reports = await importAdvisories(dir, [
    join(data, "debian.json"),
    join(data, "main.json"),
    join(data, "osv"),
  ]);
  const importSeconds = (performance.now() - t) / 1000;
  const stored = reports.reduce((n, r) => n + r.records, 0);
  const size = statSync(join(dir, "vulns.db")).size;
  console.log(
    `import: ${stored} records in ${importSeconds.toFixed(1)} s (${Math.round(stored / importSeconds)} records/s); database ${(size / 2 ** 20).toFixed(1)} MiB`,
  );
  const db = openVulnDb(dir);
  const status = db.status();
  const input = { packages: packages(shape), distro: { id: "debian", versionId: "12" } };
  t = performance.now();
  const result = matchPackages(input, db);
  const matchMs = performance.now() - t;
  console.log(
    `match: ${PACKAGES} packages against ${status.advisories} advisories (${status.affected} affected rows) in ${matchMs.toFixed(0)} ms: ${result.findings.length} findings, ${result.skipped.length} skipped — target < 1000 ms ${matchMs < 1000 ? "met" : "MISSED"}`,
  );
  db.close();
} finally {
  if (!process.argv.includes("--keep")) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root}`);
}
