#!/usr/bin/env node
/**
 * `npm run bench`: times `lading sbom` on the real Debian test images (scripts/build-test-images)
 * in each stored form, beside a floor: the time to only decompress and read the same layers.
 *
 * The floor is a Node process that streams each layer blob exactly as stored in that form
 * (inside the outer archive when there is one) through zlib's gunzip when compressed, then
 * through tar-stream, skipping every entry's body: the same runtime and the same libraries as the
 * scanner, minus everything the scanner adds (digest checks, squashing, cataloging, output). A
 * native `zcat` would be lower, but it measures a different runtime, not what Lading adds.
 *
 * Each command runs once to warm the page cache, then `--runs` times (default 5), alternating
 * lading and floor; the table shows medians. Peak RSS comes from GNU time (`/usr/bin/time`) when
 * installed, else from the child's own `process.resourceUsage()` reported at exit.
 *
 * Usage: node scripts/bench.mjs [--runs N] [--write FILE]
 *   --write FILE  also writes the results as a Markdown "Performance" section to FILE.
 * Internal: node scripts/bench.mjs --floor KIND PATH LAYER...  (one floor run)
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import tarStream from "tar-stream";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(repoRoot, "packages", "cli", "bin", "lading.js");
const gnuTime = "/usr/bin/time";
const TARGET = 1.5;

// ---- the floor: read the layers and nothing else ----

/** Streams one layer tar, skipping every body, and resolves once the whole tar is read. */
async function drainTar(stream) {
  const extract = tarStream.extract();
  const done = pipeline(stream, extract);
  for await (const entry of extract) entry.resume();
  await done;
}

/** A layer as stored: gunzip first when the form compresses its layers. */
function drainLayer(stream, gzipped) {
  return gzipped ? drainTar(stream.pipe(createGunzip())) : drainTar(stream);
}

/** Reads the layers stored inside an outer archive, in archive order, skipping the rest. */
async function drainArchive(path, layerNames, gzipped) {
  const outer = tarStream.extract();
  const file = createReadStream(path);
  const done = pipeline(path.endsWith(".gz") ? file.pipe(createGunzip()) : file, outer);
  for await (const entry of outer) {
    if (layerNames.has(entry.header.name)) await drainLayer(entry, gzipped);
    else entry.resume();
  }
  await done;
}

async function runFloor([kind, path, ...layers]) {
  if (kind === "oci-dir") {
    for (const digest of layers) {
      const blob = join(path, "blobs", ...digest.split(":"));
      await drainLayer(createReadStream(blob), true);
    }
  } else {
    await drainArchive(path, new Set(layers), kind === "oci-archive");
  }
}

// ---- measuring one command ----

/** Reports the child's peak RSS at exit when GNU time is not there to do it. */
const rssHook = `data:text/javascript,${encodeURIComponent(
  'import{writeFileSync}from"node:fs";process.on("exit",()=>' +
    "writeFileSync(process.env.BENCH_RSS_FILE,String(process.resourceUsage().maxRSS)))",
)}`;

/** Runs `node args...` with stdout to /dev/null; returns wall seconds and peak RSS in MiB. */
function measure(args, scratch) {
  const rssFile = join(scratch, "rss");
  const useTime = existsSync(gnuTime);
  const command = useTime ? gnuTime : process.execPath;
  const fullArgs = useTime
    ? ["-f", "%M", "-o", rssFile, process.execPath, ...args]
    : ["--import", rssHook, ...args];
  const started = process.hrtime.bigint();
  const child = spawnSync(command, fullArgs, {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  }
  const kib = Number(readFileSync(rssFile, "utf8").trim().split("\n").pop());
  return { seconds, rssMiB: kib / 1024 };
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

function benchForm(form, runs, scratch) {
  const lading = ["sbom", form.reference, "-o", "json"];
  const floor = [fileURLToPath(import.meta.url), "--floor", ...form.floorArgs];
  measure([cli, ...lading], scratch);
  measure(floor, scratch);
  const samples = { lading: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    samples.lading.push(measure([cli, ...lading], scratch));
    samples.floor.push(measure(floor, scratch));
  }
  const summary = (list) => ({
    seconds: median(list.map((s) => s.seconds)),
    rssMiB: median(list.map((s) => s.rssMiB)),
  });
  return { form: form.name, lading: summary(samples.lading), floor: summary(samples.floor) };
}

function machine() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? "unknown CPU";
  const memGiB = (totalmem() / 2 ** 30).toFixed(1);
  return `${availableParallelism()} × ${model}, ${memGiB} GiB RAM, Node ${process.version}`;
}

function layerSizes(manifest, dir) {
  const sizes = manifest.layers.map((l) => {
    const blob = join(dir, "oci", blobPath(l.ociDigest));
    return readFileSync(blob).length;
  });
  return sizes.reduce((a, b) => a + b, 0);
}

function table(results) {
  const rows = results.map((r) => {
    const ratio = r.lading.seconds / r.floor.seconds;
    return [
      r.form,
      `${r.lading.seconds.toFixed(2)} s`,
      `${r.floor.seconds.toFixed(2)} s`,
      `${ratio.toFixed(2)}×${ratio <= TARGET ? "" : " (over target)"}`,
      `${r.lading.rssMiB.toFixed(0)} MiB`,
      `${r.floor.rssMiB.toFixed(0)} MiB`,
    ];
  });
  const head = ["image form", "lading sbom", "floor", "ratio", "lading peak RSS", "floor peak RSS"];
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

function report(results, images, runs) {
  const over = results.filter((r) => r.lading.seconds / r.floor.seconds > TARGET);
  const verdict =
    over.length === 0
      ? `The target, within ${TARGET}× of the floor, is met on every form.`
      : `The target, within ${TARGET}× of the floor, is **not met** on: ${over.map((r) => r.form).join(", ")}.`;
  const compressedMiB = (layerSizes(images.manifest, images.dir) / 2 ** 20).toFixed(0);
  return `## Performance

\`npm run bench\` times \`lading sbom SOURCE -o json\` (output to /dev/null) on the Debian test
image that \`scripts/build-test-images\` builds: bookworm minbase plus ${images.manifest.layers.length - 1} layers,
${compressedMiB} MiB of gzip layers. Each figure is the median of ${runs} runs after one warm-up run
(page cache warm). The floor is the time to only read the same layers: a Node process that
streams each layer blob as that form stores it through gunzip (when compressed) and tar-stream,
skipping every body, with no digest checks, squashing, cataloging or output.

Machine: ${machine()}.

${table(results)}

${verdict}
`;
}

async function main(argv) {
  if (argv[0] === "--floor") return runFloor(argv.slice(1));
  const runs = Number(argv[argv.indexOf("--runs") + 1] || 5) || 5;
  const writeTo = argv.includes("--write") ? argv[argv.indexOf("--write") + 1] : undefined;
  if (!existsSync(join(repoRoot, "packages", "cli", "dist", "main.js"))) {
    throw new Error("the CLI is not built: run `npm run build` first");
  }
  const images = loadImages();
  const scratch = mkdtempSync(join(tmpdir(), "lading-bench-"));
  try {
    const results = [];
    for (const form of forms(images)) {
      process.stderr.write(`bench: ${form.name}...\n`);
      results.push(benchForm(form, runs, scratch));
    }
    const text = report(results, images, runs);
    process.stdout.write(`${text}\n`);
    if (writeTo) writeFileSync(writeTo, text);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`bench: ${err.message}\n`);
  process.exit(1);
});
