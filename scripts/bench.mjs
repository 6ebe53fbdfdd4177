#!/usr/bin/env node
/**
 * `npm run bench`: times `lading sbom` on the real Debian test images (scripts/build-test-images)
 * in each stored form, beside a floor: the time to only decompress and read the same layers.
 *
 * The floor is a Node process that streams every byte of each layer blob as that form stores it
 * through zlib's gunzip when compressed, then through the scanner's own tar parser, asking for no
 * entry's body: the same runtime and parser as the scanner, minus all it adds (digest checks,
 * squashing, cataloging, output). The scanner can come in under it on an uncompressed layer on
 * disk, whose unwanted bodies it moves past unread while another thread hashes the blob.
 * Like the scanner it reads two layers at a time where the form allows random access (a layout
 * directory, an uncompressed archive located by its tar headers); a gzip-compressed archive can
 * only be read front to back, once. A native `zcat` would be lower, but it would measure a
 * different runtime rather than what Lading adds to reading.
 *
 * Each command runs once to warm the page cache, then `--runs` times (default 5), alternating
 * lading and floor; the table shows medians. Peak RSS comes from GNU time (`/usr/bin/time`) when
 * installed, else from the child's own `process.resourceUsage()` reported at exit.
 *
 * The server's figures (SBOM ingest rate, API latency under 200 clients) are measured apart, by
 * `npm run bench:server` (scripts/bench-server.mjs), which needs no test images.
 *
 * Usage: node scripts/bench.mjs [--runs N] [--write FILE]   (npm run bench -- --runs 3)
 *   --write FILE  also writes the results as a Markdown "Performance" section to FILE.
 * Internal: node scripts/bench.mjs --floor KIND PATH LAYER...  (one floor run)
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import tarStream from "tar-stream";

const { TarParser } = await import(
  new URL("../packages/scanner/dist/filetree/tar/tar-parser.js", import.meta.url).href
);

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(repoRoot, "packages", "cli", "bin", "lading.js");
const gnuTime = "/usr/bin/time";
const TARGET = 1.5;

// ---- the floor: read the layers and nothing else ----

/** Layers read at once, as the scanner reads blobs from sources with random access. */
const FLOOR_CONCURRENCY = 2;

/** Streams one layer tar to its last byte, asking for no body. */
async function drainTar(stream) {
  const parser = new TarParser({ entry: () => false, body() {} });
  for await (const chunk of stream) if (!parser.ended) parser.push(chunk);
  parser.end();
}

/** A layer as stored: gunzip first when the form compresses its layers. */
function drainLayer(stream, gzipped) {
  return gzipped ? drainTar(stream.pipe(createGunzip())) : drainTar(stream);
}

/** Runs `tasks` (functions returning promises) at most FLOOR_CONCURRENCY at a time. */
async function inParallel(tasks) {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: FLOOR_CONCURRENCY }, worker));
}

/**
 * Where each member of an uncompressed tar starts, from its 512-byte headers alone. Names here
 * are short (`blobs/sha256/<hex>`, `<hex>.tar`), so pax and GNU long names are not needed.
 */
function tarOffsets(path) {
  const fd = openSync(path, "r");
  const header = Buffer.alloc(512);
  const members = new Map();
  try {
    for (let pos = 0; readSync(fd, header, 0, 512, pos) === 512 && header[0] !== 0; ) {
      const name = header.toString("latin1", 0, 100).replace(/\0.*$/s, "");
      const size = Number.parseInt(header.toString("latin1", 124, 136).trim() || "0", 8);
      members.set(name, { start: pos + 512, size });
      pos += 512 + Math.ceil(size / 512) * 512;
    }
  } finally {
    closeSync(fd);
  }
  return members;
}

/** Reads the layers out of a streamed (gzip) archive, in archive order: no random access. */
async function drainStreamedArchive(path, layerNames, gzipped) {
  const outer = tarStream.extract();
  const done = pipeline(createReadStream(path).pipe(createGunzip()), outer);
  for await (const entry of outer) {
    if (layerNames.has(entry.header.name)) await drainLayer(entry, gzipped);
    else entry.resume();
  }
  await done;
}

/** Reads the layers of an uncompressed archive by their offsets, two at a time. */
async function drainArchive(path, layerNames, gzipped) {
  const members = tarOffsets(path);
  const slices = [...layerNames].map((name) => members.get(name));
  await inParallel(
    slices.map(({ start, size }) => () => {
      const end = start + size - 1;
      return drainLayer(createReadStream(path, { start, end }), gzipped);
    }),
  );
}

async function runFloor([kind, path, ...layers]) {
  if (kind === "oci-dir") {
    const blobs = layers.map((digest) => join(path, "blobs", ...digest.split(":")));
    return inParallel(blobs.map((blob) => () => drainLayer(createReadStream(blob), true)));
  }
  const gzipped = kind === "oci-archive";
  if (path.endsWith(".gz")) return drainStreamedArchive(path, new Set(layers), gzipped);
  return drainArchive(path, new Set(layers), gzipped);
}

// ---- measuring one command ----

/** Reports the child's peak RSS and CPU time at exit when GNU time is not there to do it. */
const usageHook = `data:text/javascript,${encodeURIComponent(
  'import{writeFileSync}from"node:fs";process.on("exit",()=>{const r=process.resourceUsage();' +
    'writeFileSync(process.env.BENCH_USAGE_FILE,[r.maxRSS,r.userCPUTime/1e6,r.systemCPUTime/1e6].join(" "))})',
)}`;

/**
 * Runs `node args...` with stdout to /dev/null. Returns wall seconds, CPU seconds (user + system:
 * unlike wall time, barely moved by other load on the machine) and peak RSS in MiB.
 */
function measure(args, scratch) {
  const usageFile = join(scratch, "usage");
  const useTime = existsSync(gnuTime);
  const command = useTime ? gnuTime : process.execPath;
  const fullArgs = useTime
    ? ["-f", "%M %U %S", "-o", usageFile, process.execPath, ...args]
    : ["--import", usageHook, ...args];
  const started = process.hrtime.bigint();
  const child = spawnSync(command, fullArgs, {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  }
  const line = readFileSync(usageFile, "utf8").trim().split("\n").pop() ?? "";
  const [kib, user, system] = line.split(" ").map(Number);
  return { seconds, cpuSeconds: user + system, rssMiB: kib / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---- the images and their forms ----

function loadImages() {
  const dir = execFileSync(join(repoRoot, "scripts", "build-test-images"), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  return { dir, manifest };
}

function forms({ dir, manifest }) {
  const { ociDir, ociArchive, dockerArchive, dockerArchiveGzip } = manifest.outputs;
  const ociLayers = manifest.layers.map((l) => l.ociDigest);
  const dockerLayers = manifest.layers.map((l) => `${l.diffId.split(":")[1]}.tar`);
  const form = (name, kind, path, layers) => ({
    name,
    reference: `${kind}:${join(dir, path)}`,
    floorArgs: [kind, join(dir, path), ...layers],
  });
  return [
    form("oci-dir (gzip layers)", "oci-dir", ociDir.path, ociLayers),
    form("oci-archive (gzip layers)", "oci-archive", ociArchive.path, ociLayers.map(blobPath)),
    form("docker-archive (plain layers)", "docker-archive", dockerArchive.path, dockerLayers),
    form("docker-archive .tar.gz", "docker-archive", dockerArchiveGzip.path, dockerLayers),
  ];
}

const blobPath = (digest) => `blobs/${digest.replace(":", "/")}`;

// ---- the benchmark ----

/** The flags of `lading sbom` this build knows, so the bench runs against older builds too. */
function cacheFlags() {
  const help = spawnSync(process.execPath, [cli, "sbom", "--help"], { encoding: "utf8" }).stdout;
  return { noCache: help.includes("--no-cache"), cacheDir: help.includes("--cache-dir") };
}

/**
 * The commands timed for one form: lading reading every layer (no layer cache), the floor, and,
 * when the build has a layer cache, lading again with that cache filled by the warm-up run.
 */
function commands(form, flags, scratch) {
  const sbom = [cli, "sbom", form.reference, "-o", "json"];
  const list = {
    lading: flags.noCache ? [...sbom, "--no-cache"] : sbom,
    floor: [fileURLToPath(import.meta.url), "--floor", ...form.floorArgs],
  };
  if (flags.cacheDir) list.cached = [...sbom, "--cache-dir", join(scratch, "layer-cache")];
  return list;
}

function benchForm(form, runs, scratch, flags) {
  const list = commands(form, flags, scratch);
  const samples = Object.fromEntries(Object.keys(list).map((name) => [name, []]));
  for (const args of Object.values(list)) measure(args, scratch);
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(list)) samples[name].push(measure(args, scratch));
  }
  const summary = (list) => ({
    seconds: median(list.map((s) => s.seconds)),
    cpuSeconds: median(list.map((s) => s.cpuSeconds)),
    rssMiB: median(list.map((s) => s.rssMiB)),
  });
  rmSync(join(scratch, "layer-cache"), { recursive: true, force: true });
  return {
    form: form.name,
    ...Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summary(s)])),
  };
}

function machine(load) {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? "unknown CPU";
  const memGiB = (totalmem() / 2 ** 30).toFixed(1);
  return `${availableParallelism()} × ${model}, ${memGiB} GiB RAM, Node ${process.version}; load average ${load.toFixed(1)} when the runs began`;
}

function layerSizes(manifest, dir) {
  const sizes = manifest.layers.map((l) => {
    const blob = join(dir, "oci", blobPath(l.ociDigest));
    return readFileSync(blob).length;
  });
  return sizes.reduce((a, b) => a + b, 0);
}

const seconds = (s) => `${s.seconds.toFixed(2)} s`;
const cpu = (s) => `${s.cpuSeconds.toFixed(2)} s`;
const mib = (s) => `${s.rssMiB.toFixed(0)} MiB`;
const times = (ratio) => `${ratio.toFixed(2)}×`;

function table(results) {
  const cached = results.some((r) => r.cached);
  const rows = results.map((r) => {
    const ratio = r.lading.seconds / r.floor.seconds;
    const wall = [
      seconds(r.lading),
      seconds(r.floor),
      times(ratio) + (ratio <= TARGET ? "" : " ✗"),
    ];
    const cpuTime = [cpu(r.lading), cpu(r.floor), times(r.lading.cpuSeconds / r.floor.cpuSeconds)];
    const row = [r.form, ...wall, ...cpuTime, mib(r.lading), mib(r.floor)];
    return cached ? [...row, r.cached ? seconds(r.cached) : "-"] : row;
  });
  const head = ["image form", "lading wall", "floor wall", "wall ratio", "lading CPU"];
  head.push("floor CPU", "CPU ratio", "lading peak RSS", "floor peak RSS");
  if (cached) head.push("lading wall, layer cache warm");
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

function verdictOf(results) {
  const over = results.filter((r) => r.lading.seconds / r.floor.seconds > TARGET);
  const target = `The target, lading's wall time within ${TARGET}× of the floor's,`;
  if (over.length === 0) return `${target} is met on every form.`;
  return `${target} is **not met** (✗) on: ${over.map((r) => r.form).join(", ")}.`;
}

function report({ results, images, runs, load, startup, flags }) {
  const compressedMiB = (layerSizes(images.manifest, images.dir) / 2 ** 20).toFixed(0);
  const layers = images.manifest.layers.length;
  const cacheNote = flags.noCache
    ? "\nLading runs with `--no-cache`, so that it reads every layer; the last column is the same\n" +
      "command with its layer cache, filled by the warm-up run.\n"
    : "";
  return `## Performance

\`npm run bench\` times \`lading sbom SOURCE -o json\` (output to /dev/null) on the
Debian test image that \`scripts/build-test-images\` builds: bookworm minbase and ${layers - 1} more
layers, ${layers} layers in all, ${compressedMiB} MiB gzip-compressed. Each figure is the median of
${runs} runs after one warm-up run (page cache warm), the commands taking turns. The floor is the
time to only read the same layers: a Node process that streams every byte of each layer blob as
that form stores it through gunzip (when compressed) and Lading's own tar parser, with no digest
checks, squashing, cataloging or output; like the scanner it reads two layers at a time, except
from a gzip-compressed archive, which can only be read front to back. Lading's start-up alone
(\`lading --version\`: Node and the modules it loads) takes ${seconds(startup)} wall,
${cpu(startup)} CPU. CPU time (user + system) is given beside wall time because it is barely
moved by other work on the machine, which wall time is.
${cacheNote}
Machine: ${machine(load)}, ${loadavg()[0]?.toFixed(1)} when they ended.

${table(results)}

${verdictOf(results)}
`;
}

function parseArgs(argv) {
  const value = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  return { runs: Number(value("--runs")) || 5, writeTo: value("--write") };
}

async function main(argv) {
  if (argv[0] === "--floor") return runFloor(argv.slice(1));
  const { runs, writeTo } = parseArgs(argv);
  process.stderr.write("bench: the server's ingest rate and API latency: npm run bench:server\n");
  if (!existsSync(join(repoRoot, "packages", "cli", "dist", "main.js"))) {
    throw new Error("the CLI is not built: run `npm run build` first");
  }
  const images = loadImages();
  const flags = cacheFlags();
  const scratch = mkdtempSync(join(tmpdir(), "lading-bench-"));
  try {
    const load = loadavg()[0] ?? 0;
    const startupRuns = Array.from({ length: runs }, () => measure([cli, "--version"], scratch));
    const startup = {
      seconds: median(startupRuns.map((s) => s.seconds)),
      cpuSeconds: median(startupRuns.map((s) => s.cpuSeconds)),
    };
    const results = [];
    for (const form of forms(images)) {
      process.stderr.write(`bench: ${form.name}...\n`);
      results.push(benchForm(form, runs, scratch, flags));
    }
    const text = report({ results, images, runs, load, startup, flags });
    process.stdout.write(`${text}\n`);
    if (writeTo) {
      writeFileSync(writeTo, text);
      // The repository's formatter aligns the tables, so the written file passes `npm run lint`.
      spawnSync("npx", ["biome", "format", "--write", writeTo], { cwd: repoRoot });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`bench: ${err.message}\n`);
  process.exit(1);
});
