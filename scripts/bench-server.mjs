#!/usr/bin/env node
/**
 * `npm run bench:server`: the Lading server's ingest rate and API latency, on the embedded SQLite,
 * against a real `lading server` child process on 127.0.0.1. Bounded in count and time; it stops
 * the server and itself, prints the figures and writes them to packages/server/BENCH.md.
 *
 * SBOMs: CycloneDX 1.6 documents of 500 components each, written by the scanner's own writer from
 * real packages: what it finds in the bundled alpine 3.10 image, the demo lockfiles, this
 * repository's own package-lock.json and the server's syft-coverage test SBOM. Each document
 * takes a different window of that pool, so the components table sees both new and known rows.
 *
 * Ingest: `--sboms` uploads (default 300, at most `--ingest-seconds`, default 30), 8 in flight,
 * each answered 202 once stored whole; then the time until the match jobs have matched them all
 * against the demo advisories.
 *
 * Latency: 200 clients, each with its own keep-alive connection, reading what the web UI reads
 * (projects, snapshots, one snapshot, findings, metrics) with a read-only API token. Two loads:
 * paced (each client one request a second, jittered) and saturated (each client sends its next
 * request as soon as the last is answered). The clients run in this process on the same machine,
 * so they take CPU from the server: the figures are an upper bound on what the server alone adds.
 *
 * Usage: node scripts/bench-server.mjs [--sboms N] [--ingest-seconds S] [--seconds S]
 *                                      [--clients N] [--write FILE | --no-write]
 */
import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { Agent, request } from "node:http";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { findFormat, importAdvisories, readSbom, scan } from "@lading/scanner";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(repoRoot, "packages", "cli", "bin", "lading.js");
const demo = join(repoRoot, "examples", "demo");
const COMPONENTS = 500;
const INGEST_TARGET = 50;
const P99_TARGET_MS = 50;
const password = "bench-password-not-secret";

// ---- SBOMs from real packages ----

/** Every distinct package the scanner finds in the repository's real images and lockfiles. */
async function packagePool(scratch) {
  const lockDir = join(scratch, "lockfile");
  mkdirSync(lockDir, { recursive: true });
  copyFileSync(join(repoRoot, "package-lock.json"), join(lockDir, "package-lock.json"));
  const sources = [
    `docker-archive:${join(repoRoot, "examples", "alpine-310.tar.gz")}`,
    ...["python-requirements", "python-flask", "python-poetry", "java-gradle", "go-module"].map(
      (p) => `dir:${join(demo, "projects", p)}`,
    ),
    `dir:${lockDir}`,
  ];
  const results = [];
  for (const source of sources) results.push(await scan(source));
  const coverage = join(repoRoot, "packages/server/src/testdata/syft-dir-coverage.cdx.json");
  results.push(readSbom(readFileSync(coverage, "utf8")));
  const byPurl = new Map(results.flatMap((r) => r.packages).map((p) => [p.purl ?? p.name, p]));
  return { template: results[0], packages: [...byPurl.values()] };
}

/** The i-th SBOM: a window of COMPONENTS packages from the pool, as CycloneDX JSON. */
function sbomText(pool, i) {
  const { packages } = pool;
  const start = (i * 97) % packages.length;
  const chosen = Array.from(
    { length: COMPONENTS },
    (_, k) => packages[(start + k) % packages.length],
  );
  const result = { ...pool.template, packages: chosen, unknowns: [] };
  const { format, version } = findFormat("cyclonedx-json");
  return format.write(
    result,
    { toolName: "lading", toolVersion: "bench", now: new Date() },
    version,
  );
}

// ---- the server ----

async function startServer(scratch) {
  const vulnDb = join(scratch, "vulndb");
  await importAdvisories(vulnDb, [
    join(demo, "advisories", "osv"),
    join(demo, "advisories", "alpine-secdb", "v3.10", "main.yaml"),
  ]);
  const args = [cli, "server", "--port", "0", "--data-dir", join(scratch, "data")];
  args.push("--db", vulnDb, "--offline", "--update-interval", "0", "--max-upload", "64");
  const env = { ...process.env, LADING_ADMIN_PASSWORD: password, LADING_LOG_LEVEL: "warn" };
  // LADING_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server itself.
  const nodeArgs = (process.env.LADING_BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let text = "";
  child.stderr.on("data", (d) => (text += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const url = /lading server: (\S+)/.exec(text)?.[1];
    if (url) return { url, child };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server: ${text}`);
    await sleep(50);
  }
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

async function api(base, method, path, headers, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : body && JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** Signs in as the admin and makes a read-only and an upload token. */
async function tokens(base) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password }),
  });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith("lading_session="));
  const { csrfToken } = await login.json();
  const session = { cookie: cookie.split(";")[0], "x-csrf-token": csrfToken };
  const make = async (name, scopes) =>
    (await api(base, "POST", "/api/tokens", session, { name, scopes, createProjects: true })).token;
  return {
    read: await make("bench-read", ["read"]),
    upload: await make("bench-up", ["upload", "read"]),
  };
}

// ---- ingest ----

async function benchIngest(base, token, pool, limits) {
  const documents = Array.from({ length: limits.sboms }, (_, i) => sbomText(pool, i));
  const bytes = documents.reduce((n, d) => n + Buffer.byteLength(d), 0);
  const auth = { authorization: `Bearer ${token}` };
  const started = performance.now();
  const deadline = started + limits.seconds * 1000;
  let next = 0;
  let accepted = 0;
  const worker = async () => {
    while (next < documents.length && performance.now() < deadline) {
      const i = next++;
      await api(base, "POST", `/api/snapshots?project=bench/app-${i % 50}`, auth, documents[i]);
      accepted++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const stored = (performance.now() - started) / 1000;
  const matchDeadline = performance.now() + 120_000;
  let processing = Number.POSITIVE_INFINITY;
  while (processing > 0 && performance.now() < matchDeadline) {
    processing = (await api(base, "GET", "/api/snapshots?state=processing&limit=1", auth)).total;
    if (processing > 0) await sleep(200);
  }
  const matched = (performance.now() - started) / 1000;
  return { accepted, stored, matched, processing, meanKiB: bytes / documents.length / 1024 };
}

// ---- latency ----

/** What the web UI reads, in turn: [name, path] for the n-th request. */
function readPaths(snapshotIds) {
  let i = 0;
  const paths = [
    ["projects", () => "/api/projects?limit=50"],
    ["snapshots", () => "/api/snapshots?limit=50"],
    ["one snapshot", () => `/api/snapshots/${snapshotIds[i++ % snapshotIds.length]}`],
    ["findings", () => "/api/findings?limit=50"],
    ["metrics", () => "/api/metrics"],
  ];
  return (n) => {
    const [name, path] = paths[n % paths.length];
    return [name, path()];
  };
}

/** `clients` clients for `seconds`; paced clients send one request per `periodMs`. */
async function benchLatency(base, token, snapshotIds, { clients, seconds, periodMs }) {
  const pathOf = readPaths(snapshotIds);
  const byName = new Map();
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const client = async (c) => {
    // One keep-alive connection per client, as separate browsers or agents would hold.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    if (periodMs) await sleep(Math.random() * periodMs);
    for (let n = c; performance.now() < end; n++) {
      const sent = performance.now();
      const [name, path] = pathOf(n);
      const status = await get(`${base}${path}`, token, agent).catch(() => 0);
      if (status !== 200) errors++;
      else byName.set(name, [...(byName.get(name) ?? []), performance.now() - sent]);
      if (periodMs) await sleep(Math.max(0, periodMs - (performance.now() - sent)));
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const all = summarize([...byName.values()].flat(), seconds);
  const endpoints = [...byName].map(([name, list]) => ({ name, ...summarize(list, seconds) }));
  return { ...all, errors, endpoints };
}

function summarize(latencies, seconds) {
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    requests: latencies.length,
    rate: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies.at(-1),
  };
}

/** One GET on `agent`; resolves with the status once the whole body is read. */
function get(url, token, agent) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

// ---- report ----

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ms = (v) => (v === undefined ? "–" : `${v.toFixed(1)} ms`);
const verdict = (ok) => (ok ? "met ✓" : "**not met** ✗");

function machine(loadAtStart) {
  const cpu = cpus()[0]?.model?.trim() ?? "unknown CPU";
  return `${availableParallelism()} CPUs (${cpu}), Node ${process.version}, load average ${loadAtStart.map((l) => l.toFixed(2)).join(" / ")} (1/5/15 min) at the start`;
}

function report({ ingest, alone, paced, saturated, clients, loadAtStart, loadAtEnd, poolSize }) {
  const ingestRate = ingest.accepted / ingest.stored;
  const matchRate = ingest.accepted / ingest.matched;
  const row = (name, r) =>
    `| ${name} | ${r.requests} | ${r.rate.toFixed(0)}/s | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} | ${verdict(r.p99 < P99_TARGET_MS && r.errors === 0)} |`;
  return `# Server benchmark

\`npm run bench:server\` (scripts/bench-server.mjs) runs \`lading server\` on the embedded SQLite
as a child process on 127.0.0.1 and measures it from another process on the same machine.

Machine: ${machine(loadAtStart)}; ${loadAtEnd.toFixed(2)} at the end. This machine is shared with
other work (builds and test suites of other sessions may run at the same time), so the figures
vary from run to run; the load average says how busy it was.

## Ingest

${ingest.accepted} CycloneDX 1.6 SBOMs of ${COMPONENTS} components each (${ingest.meanKiB.toFixed(0)} KiB on average),
built by the scanner's writer from ${poolSize} distinct real packages (the bundled alpine 3.10
image, the demo lockfiles, this repository's package-lock.json, the syft coverage SBOM), uploaded
8 at a time into 50 projects with an upload token. An upload is answered 202 once the document
is read and its snapshot, components and match job are committed.

| figure | value | target |
|---|---|---|
| stored (202) | ${ingestRate.toFixed(1)} SBOMs/s (${ingest.stored.toFixed(1)} s) | ≥ ${INGEST_TARGET}/s: ${verdict(ingestRate >= INGEST_TARGET)} |
| stored and matched (every snapshot ready) | ${matchRate.toFixed(1)} SBOMs/s (${ingest.matched.toFixed(1)} s${ingest.processing > 0 ? `, ${ingest.processing} still processing at the bound` : ""}) | – |

## API latency

${clients} clients, each on its own keep-alive connection, with a read-only token, reading in turn
\`/api/projects\`, \`/api/snapshots\`, one snapshot, \`/api/findings\` and \`/api/metrics\` (50 items
a page) over the data stored above. Latency is from sending the request to reading the whole body.
The clients share the machine's CPUs with the server.

| load | requests | rate | p50 | p95 | p99 | max | errors | p99 < ${P99_TARGET_MS} ms |
|---|---|---|---|---|---|---|---|---|
${row(`paced: each client 1 request/s`, paced)}
${row("saturated: each client back to back", saturated)}

Per endpoint: p50 / p99 of one client alone (the time one request takes with nothing else
running on the server), and p99 under each load.

| endpoint | alone p50 | alone p99 | paced p99 | saturated p99 |
|---|---|---|---|---|
${endpointRows(alone, paced, saturated)}

In the saturated load every client sends its next request as soon as the last is answered, so
the server always has ${clients} requests waiting: latency there is mostly queueing, about
${clients} ÷ the rate, and shows the throughput limit rather than the time one request takes.
`;
}

function endpointRows(alone, paced, saturated) {
  const p99 = (run, name) => run.endpoints.find((e) => e.name === name)?.p99;
  return alone.endpoints
    .map(
      (e) =>
        `| ${e.name} | ${ms(e.p50)} | ${ms(e.p99)} | ${ms(p99(paced, e.name))} | ${ms(p99(saturated, e.name))} |`,
    )
    .join("\n");
}

/** The hand-written part of an existing BENCH.md, from its notes marker on, kept across runs. */
function keptNotes(file) {
  const marker = "<!-- notes: written by hand, kept by bench:server -->";
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  return old.includes(marker) ? `\n${old.slice(old.indexOf(marker))}` : "";
}

// ---- main ----

function parseArgs(argv) {
  const value = (flag, fallback) =>
    argv.includes(flag) ? Number(argv[argv.indexOf(flag) + 1]) : fallback;
  const write = argv.includes("--write") ? argv[argv.indexOf("--write") + 1] : undefined;
  return {
    sboms: value("--sboms", 300),
    ingestSeconds: value("--ingest-seconds", 30),
    seconds: value("--seconds", 10),
    clients: value("--clients", 200),
    writeTo: argv.includes("--no-write")
      ? undefined
      : (write ?? join(repoRoot, "packages", "server", "BENCH.md")),
  };
}

async function main(argv) {
  const options = parseArgs(argv);
  if (!existsSync(join(repoRoot, "packages", "cli", "dist", "main.js")))
    throw new Error("the CLI is not built: run `npm run build` first");
  const loadAtStart = loadavg();
  const scratch = mkdtempSync(join(tmpdir(), "lading-bench-server-"));
  let server;
  try {
    process.stderr.write("bench:server: building SBOMs from real packages...\n");
    const pool = await packagePool(scratch);
    server = await startServer(scratch);
    const { read, upload } = await tokens(server.url);
    process.stderr.write(`bench:server: ingest (${options.sboms} SBOMs)...\n`);
    const limits = { sboms: options.sboms, seconds: options.ingestSeconds };
    const ingest = await benchIngest(server.url, upload, pool, limits);
    const auth = { authorization: `Bearer ${read}` };
    const snapshots = await api(server.url, "GET", "/api/snapshots?limit=500", auth);
    const ids = snapshots.items.map((s) => s.id);
    const load = { clients: options.clients, seconds: options.seconds };
    process.stderr.write("bench:server: latency, one client alone...\n");
    const alone = await benchLatency(server.url, read, ids, {
      clients: 1,
      seconds: 3,
      periodMs: 0,
    });
    process.stderr.write(`bench:server: latency, ${options.clients} paced clients...\n`);
    const paced = await benchLatency(server.url, read, ids, { ...load, periodMs: 1000 });
    process.stderr.write(`bench:server: latency, ${options.clients} saturating clients...\n`);
    const saturated = await benchLatency(server.url, read, ids, { ...load, periodMs: 0 });
    const text = report({
      ingest,
      alone,
      paced,
      saturated,
      clients: options.clients,
      loadAtStart,
      loadAtEnd: loadavg()[0],
      poolSize: pool.packages.length,
    });
    process.stdout.write(`${text}\n`);
    if (options.writeTo) {
      writeFileSync(options.writeTo, text + keptNotes(options.writeTo));
      // The repository's formatter aligns the tables, so the written file passes `npm run lint`.
      spawnSync("npx", ["biome", "format", "--write", options.writeTo], { cwd: repoRoot });
    }
  } finally {
    if (server) await stopServer(server.child);
    // LADING_BENCH_KEEP=1 keeps the database for a look at the queries afterwards.
    if (process.env.LADING_BENCH_KEEP) process.stderr.write(`bench:server: kept ${scratch}\n`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`bench:server: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
