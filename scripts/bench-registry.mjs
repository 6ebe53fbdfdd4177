#!/usr/bin/env node
/**
 * `npm run bench:registry`: the built `lading sbom` on the real Debian test image
 * (scripts/build-test-images), against a real `docker-registry` on 127.0.0.1.
 *
 * 1. Registry vs archive: the same image scanned from the loopback registry (pushed there with
 *    skopeo from its OCI layout) and from its docker-archive, both with --no-cache, one warm-up
 *    run each, then `--runs` runs alternating; the table shows medians.
 * 2. Sibling image: the image's two-layer form (its manifest and config cut to the bottom two
 *    layers, as the image was before its last step; the blobs are the same) is scanned with a
 *    fresh layer cache, then the full three-layer image. A counting proxy in front of the
 *    registry tells how many layer blobs each scan fetched: the second scan should fetch only
 *    the new top layer. Its time is compared with a cold scan of the three-layer image.
 *
 * Everything runs on loopback, each command is bounded (--timeout seconds), and the registry
 * and proxy are stopped on the way out, also on failure. A missing tool is an error, not a skip.
 *
 * Usage: node scripts/bench-registry.mjs [--runs N] [--timeout S] [--write FILE]
 *   (npm run bench:registry -- --runs 3); FILE defaults to bench-registry-results.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(repoRoot, "packages", "cli", "bin", "lading.js");
const TOOLS = ["docker-registry", "skopeo"];
const REPO = "test/debian";

// ---- services: the registry and a proxy that counts layer fetches ----

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(ready, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000}s`);
}

/** `docker-registry serve` on 127.0.0.1 with its own config; stop() ends that one process. */
async function startRegistry(dir) {
  const port = await freePort();
  const config = join(dir, "registry.yml");
  const yaml = ["version: 0.1", "log:", "  level: error", "storage:", "  filesystem:"];
  yaml.push(`    rootdirectory: ${join(dir, "storage")}`, "http:", `  addr: 127.0.0.1:${port}`);
  writeFileSync(config, `${yaml.join("\n")}\n`);
  const child = spawn("docker-registry", ["serve", config], { stdio: "ignore" });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const host = `127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntil(async () => (await fetch(`http://${host}/v2/`)).ok, "docker-registry");
  } catch (err) {
    await stop();
    throw err;
  }
  return { host, stop };
}

/** A pass-through HTTP proxy to `target` that records the digest of every blob GET. */
async function startCountingProxy(target) {
  const blobGets = [];
  const [hostname, port] = target.split(":");
  const server = http.createServer((req, res) => {
    const blob = /\/blobs\/(sha256:[0-9a-f]{64})/.exec(req.url ?? "");
    if (req.method === "GET" && blob) blobGets.push(blob[1]);
    const headers = { ...req.headers, host: target };
    const options = { hostname, port: Number(port), path: req.url, method: req.method, headers };
    const upstream = http.request(options, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.once("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const stop = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { host: `127.0.0.1:${server.address().port}`, blobGets, stop };
}

// ---- the images in the registry ----

function skopeoPush(layout, tag, host, name) {
  const args = ["copy", "-q", "--dest-tls-verify=false", `oci:${layout}:${tag}`];
  const run = spawnSync("skopeo", [...args, `docker://${host}/${name}`], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`skopeo copy failed: ${run.stderr || run.error}`);
}

const MANIFEST_TYPES =
  "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";
const sha256 = (bytes) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

async function ok(res, what) {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

/** Uploads `bytes` as one blob (monolithic upload) and returns its digest. */
async function putBlob(host, bytes) {
  const url = `http://${host}/v2/${REPO}/blobs/uploads/`;
  const start = await ok(await fetch(url, { method: "POST" }), "start upload");
  const location = new URL(start.headers.get("location"), `http://${host}`);
  const digest = sha256(bytes);
  location.searchParams.set("digest", digest);
  await ok(await fetch(location, { method: "PUT", body: bytes }), "put blob");
  return digest;
}

/**
 * Tags `to` as the image `from` was before its top layer: the manifest and config cut to the
 * bottom layers (history entries after the last kept layer dropped), blobs shared.
 */
async function pushWithoutTopLayer(host, from, to) {
  const base = `http://${host}/v2/${REPO}`;
  const headers = { accept: MANIFEST_TYPES };
  const res = await ok(await fetch(`${base}/manifests/${from}`, { headers }), "get manifest");
  const mediaType = res.headers.get("content-type");
  const manifest = await res.json();
  const config = await (
    await ok(await fetch(`${base}/blobs/${manifest.config.digest}`), "get config")
  ).json();
  const keep = manifest.layers.length - 1;
  config.rootfs.diff_ids = config.rootfs.diff_ids.slice(0, keep);
  config.history = historyBelow(config.history ?? [], keep);
  const configBytes = Buffer.from(JSON.stringify(config));
  const configDigest = await putBlob(host, configBytes);
  const cut = {
    ...manifest,
    config: { ...manifest.config, digest: configDigest, size: configBytes.length },
    layers: manifest.layers.slice(0, keep),
  };
  const put = { method: "PUT", body: JSON.stringify(cut), headers: { "content-type": mediaType } };
  await ok(await fetch(`${base}/manifests/${to}`, put), "put manifest");
  return manifest.layers;
}

function historyBelow(history, keep) {
  let layers = 0;
  const kept = [];
  for (const entry of history) {
    if (!entry.empty_layer && layers === keep) break;
    if (!entry.empty_layer) layers++;
    kept.push(entry);
  }
  return kept;
}

// ---- running the CLI ----

/** Runs `lading sbom ARGS -o json`, bounded; resolves with its wall time and package list. */
function lading(args, timeoutS) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cli, "sbom", ...args, "-o", "json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out = [];
    let err = "";
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => {
      err = (err + c).slice(-4000);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutS * 1000);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      if (code !== 0)
        return reject(new Error(`lading ${args.join(" ")}: ${code ?? signal}\n${err}`));
      const doc = JSON.parse(Buffer.concat(out).toString());
      const packages = doc.packages.map((p) => `${p.purl} ${p.layer}`).sort();
      resolve({ ms, packages });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function samePackages(a, b, what) {
  if (a.join("\n") !== b.join("\n")) throw new Error(`${what}: the package lists differ`);
}

// ---- the two measurements ----

async function registryVsArchive({ registry, archive, runs, timeout }) {
  const fromRegistry = [`registry:${registry}/${REPO}:bookworm`, "--insecure", "--no-cache"];
  const fromArchive = [`docker-archive:${archive}`, "--no-cache"];
  const warm = [await lading(fromRegistry, timeout), await lading(fromArchive, timeout)];
  samePackages(warm[0].packages, warm[1].packages, "registry vs archive");
  const times = { registry: [], archive: [] };
  for (let i = 0; i < runs; i++) {
    times.registry.push((await lading(fromRegistry, timeout)).ms);
    times.archive.push((await lading(fromArchive, timeout)).ms);
  }
  return { registry: median(times.registry), archive: median(times.archive), packages: warm[0] };
}

async function siblingScan({ proxy, layers, runs, timeout, scratch }) {
  const ref = (tag) => `registry:${proxy.host}/${REPO}:${tag}`;
  const layerDigests = new Set(layers.map((l) => l.digest));
  const fetched = () => proxy.blobGets.splice(0).filter((d) => layerDigests.has(d));
  const cold = [];
  const warm = [];
  const reads = { cold: [], base: [], warm: [] };
  for (let i = 0; i < runs; i++) {
    const cache = (name) => ["--insecure", "--cache-dir", join(scratch, `${name}-${i}`)];
    fetched();
    const c = await lading([ref("bookworm"), ...cache("cold")], timeout);
    reads.cold.push(fetched());
    await lading([ref("bookworm-2-layers"), ...cache("sibling")], timeout);
    reads.base.push(fetched());
    const w = await lading([ref("bookworm"), ...cache("sibling")], timeout);
    reads.warm.push(fetched());
    samePackages(c.packages, w.packages, "cold vs cached scan");
    cold.push(c.ms);
    warm.push(w.ms);
  }
  return { cold: median(cold), warm: median(warm), reads };
}

/** Median wall time of `lading --version`: the process start every scan pays, cached or not. */
async function startupMs(runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, [cli, "--version"], { stdio: "ignore" });
    times.push(performance.now() - start);
  }
  return median(times);
}

// ---- report ----

function machine(load) {
  const cpu = cpus()[0]?.model?.trim() ?? "unknown CPU";
  const avg = load.map((l) => l.toFixed(2)).join(" / ");
  return `${availableParallelism()} CPUs (${cpu}), Node ${process.version}, load average ${avg} (1/5/15 min) at the start`;
}

const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

function report({ pair, sibling, startup, layers, runs, load }) {
  const top = layers[layers.length - 1];
  const topOnly = sibling.reads.warm.every((r) => r.length === 1 && r[0] === top.digest);
  const saved = sibling.cold - sibling.warm;
  const sizes = layers.map((l) => mib(l.size)).join(" + ");
  return `# Registry benchmark (\`npm run bench:registry\`)

The real Debian test image (3 layers, ${sizes} compressed, ${pair.packages.packages.length}
packages) scanned by the built \`lading sbom -o json\` against \`docker-registry\` on 127.0.0.1.
Medians of ${runs} runs after one warm-up run. The machine is shared with other work, so the
figures move with its load; compare the rows of one run rather than runs of different days.

Machine: ${machine(load)}, ${loadavg()[0]?.toFixed(2)} when they ended.

## Registry vs archive (--no-cache)

| source | median |
| --- | ---: |
| registry:127.0.0.1:PORT/${REPO}:bookworm --insecure | ${secs(pair.registry)} |
| docker-archive (uncompressed, on disk) | ${secs(pair.archive)} |
| registry / archive | ${(pair.registry / pair.archive).toFixed(2)}x |

## Sibling image: the two-layer form cached, then the three-layer image

| scan | layer blobs fetched | median |
| --- | ---: | ---: |
| three-layer image, fresh cache (cold) | ${sibling.reads.cold.map((r) => r.length).join(", ")} | ${secs(sibling.cold)} |
| two-layer form, fresh cache | ${sibling.reads.base.map((r) => r.length).join(", ")} | - |
| three-layer image after it (second scan) | ${sibling.reads.warm.map((r) => r.length).join(", ")} | ${secs(sibling.warm)} |
| time saved by the cache | | ${secs(saved)} (${((saved / sibling.cold) * 100).toFixed(0)}%) |
| for scale: \`lading --version\` (process start only) | | ${secs(startup)} |

Layer blobs fetched are counted per run by a proxy in front of the registry. On the second scan
${topOnly ? "only the new top layer" : "NOT only the new top layer"} (${mib(top.size)}) was fetched
in every run; the bottom two layers came from the layer cache.
`;
}

// ---- main ----

function parseArgs(argv) {
  const value = (flag, fallback) => {
    const at = argv.indexOf(flag);
    return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
  };
  const runs = Number(value("--runs", "5"));
  const timeout = Number(value("--timeout", "180"));
  if (!(runs >= 1) || !(timeout > 0)) throw new Error("--runs and --timeout take positive numbers");
  return { runs, timeout, write: value("--write", join(repoRoot, "bench-registry-results.md")) };
}

function checkSetup() {
  const missing = TOOLS.filter((t) => spawnSync("which", [t]).status !== 0);
  if (missing.length)
    throw new Error(`missing ${missing.join(", ")} (run scripts/install-test-deps)`);
  const built = spawnSync(process.execPath, [cli, "--version"]);
  if (built.status !== 0) throw new Error("the CLI is not built: run `npm run build` first");
  const images = spawnSync(join(repoRoot, "scripts", "build-test-images"), [], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (images.status !== 0) throw new Error(`scripts/build-test-images: ${images.stderr}`);
  const dir = images.stdout.trim();
  return { dir, manifest: JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) };
}

async function main(argv) {
  const options = parseArgs(argv);
  const { dir, manifest } = checkSetup();
  const load = loadavg();
  const scratch = mkdtempSync(join(tmpdir(), "lading-bench-registry-"));
  mkdirSync(join(scratch, "storage"));
  const stops = [];
  try {
    const registry = await startRegistry(scratch);
    stops.push(registry.stop);
    const { ociDir, dockerArchive } = manifest.outputs;
    skopeoPush(join(dir, ociDir.path), ociDir.tag, registry.host, `${REPO}:bookworm`);
    const layers = await pushWithoutTopLayer(registry.host, "bookworm", "bookworm-2-layers");
    const proxy = await startCountingProxy(registry.host);
    stops.push(proxy.stop);
    const archive = join(dir, dockerArchive.path);
    const pair = await registryVsArchive({ registry: registry.host, archive, ...options });
    const sibling = await siblingScan({ proxy, layers, scratch, ...options });
    const startup = await startupMs(options.runs);
    const text = report({ pair, sibling, startup, layers, runs: options.runs, load });
    process.stdout.write(text);
    writeFileSync(options.write, text);
    process.stdout.write(`\nWritten to ${options.write}\n`);
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(`bench:registry: ${err.message}`);
  process.exitCode = 1;
});
