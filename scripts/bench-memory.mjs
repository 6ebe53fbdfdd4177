#!/usr/bin/env node
/**
 * `npm run bench:memory`: how `lading sbom`'s peak RSS grows as an image grows, one way at a
 * time, on images this script writes itself (docker-archives with one uncompressed layer, in a
 * temporary directory removed at the end):
 *
 * - **bytes**: one file of 64 MiB, 512 MiB, 2 GiB — more data, nothing more to catalog;
 * - **Go binaries**: 1, 30, 300 copies of the real Go test binary (1.3 MB each, module info
 *   inside) in `/usr/local/bin` — more executables a cataloger must open and read;
 * - **Java archives**: 1, 30, 150 copies of a 4 MiB jar (a Maven record beside 4 MiB of
 *   incompressible classes, written by python3's zipfile) — archives walked for what they hold;
 * - **files**: 10,000, 100,000, 300,000 small files — more entries in the squashed tree.
 *
 * Each image is scanned `--runs` times (default 3) with `--no-cache`, JSON to /dev/null; the
 * table gives the median peak RSS (GNU time) and wall time, and the growth per step. What is
 * flat here stays flat on any image; what grows (the tree, per file) is the cost of the result.
 *
 * Usage: node scripts/bench-memory.mjs [--runs N] [--write FILE] [--only TEXT] [--cli PATH]
 *   --only TEXT  runs only the series whose name contains TEXT (`--only Java`)
 *   --cli PATH   scans with another checkout's `packages/cli/bin/lading.js`, to compare
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import tarStream from "tar-stream";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const defaultCli = join(repoRoot, "packages", "cli", "bin", "lading.js");
const goBinary = readFileSync(
  join(repoRoot, "packages/scanner/src/catalog/go/testdata/hello-go-linux-amd64"),
);
const MiB = 2 ** 20;

const args = process.argv.slice(2);
const runs = Number(flagValue("--runs") ?? 3);
const writeTo = flagValue("--write");
const only = flagValue("--only");
const cli = flagValue("--cli") ?? defaultCli;

function flagValue(flag) {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

/** One series: what grows, and the images along it (a label and the layer's members). */
const series = [
  {
    what: "bytes (one file)",
    steps: [64, 512, 2048].map((mib) => ({
      label: `${mib} MiB`,
      members: () => [{ name: "data/blob", size: mib * MiB, fill: 0x5a }],
    })),
  },
  {
    what: "Go binaries (1.3 MB each)",
    steps: [1, 30, 300].map((n) => ({
      label: n === 1 ? "1 binary" : `${n} binaries`,
      members: () =>
        Array.from({ length: n }, (_, i) => ({ name: `usr/local/bin/tool-${i}`, body: goBinary })),
    })),
  },
  {
    what: "Java archives (4 MiB each)",
    steps: [1, 30, 150].map((n) => ({
      label: n === 1 ? "1 jar" : `${n} jars`,
      members: () => {
        const jar = appJar();
        return Array.from({ length: n }, (_, i) => ({ name: `app/lib/lib-${i}.jar`, body: jar }));
      },
    })),
  },
  {
    what: "files (16 bytes each)",
    steps: [10_000, 100_000, 300_000].map((n) => ({
      label: `${n.toLocaleString("en")} files`,
      members: () =>
        Array.from({ length: n }, (_, i) => ({
          name: `srv/d${Math.floor(i / 1000)}/f${i}`,
          body: Buffer.from(`file number ${i}`.padEnd(16)),
        })),
    })),
  },
];

let jarBytes;

/** A 4 MiB application jar: a Maven record and random (so incompressible) class bytes. */
function appJar() {
  if (jarBytes !== undefined) return jarBytes;
  const script = [
    "import io, os, sys, zipfile",
    "out = io.BytesIO()",
    "with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:",
    "    z.writestr('META-INF/maven/com.example/app/pom.properties',",
    "               'groupId=com.example\\nartifactId=app\\nversion=1.0.0\\n')",
    "    z.writestr('com/example/App.class', os.urandom(4 << 20))",
    "sys.stdout.buffer.write(out.getvalue())",
  ].join("\n");
  const run = spawnSync("python3", ["-c", script], { maxBuffer: 64 * MiB });
  if (run.status !== 0) throw new Error(`python3 could not write the jar: ${run.stderr}`);
  jarBytes = run.stdout;
  return jarBytes;
}

/** Writes a layer tar, streaming big bodies in 1 MiB chunks so the writer holds none whole. */
async function writeLayer(path, members) {
  const pack = tarStream.pack();
  const done = pipeline(pack, createWriteStream(path));
  const chunk = Buffer.alloc(MiB);
  for (const m of members) {
    if (m.body !== undefined) {
      await new Promise((resolve, reject) =>
        pack.entry({ name: m.name, mode: 0o755 }, m.body, (err) => (err ? reject(err) : resolve())),
      );
      continue;
    }
    chunk.fill(m.fill);
    const entry = pack.entry({ name: m.name, size: m.size, mode: 0o644 });
    for (let left = m.size; left > 0; left -= chunk.length) {
      if (!entry.write(chunk.subarray(0, Math.min(chunk.length, left)))) {
        await new Promise((resolve) => entry.once("drain", resolve));
      }
    }
    await new Promise((resolve, reject) => entry.end((err) => (err ? reject(err) : resolve())));
  }
  pack.finalize();
  await done;
}

/** A docker-archive holding one layer, as `docker save` writes it (uncompressed). */
async function writeImage(dir, members) {
  const layer = join(dir, "layer.tar");
  await writeLayer(layer, members);
  const diffId = await sha256File(layer);
  const config = JSON.stringify({
    architecture: "amd64",
    os: "linux",
    config: {},
    rootfs: { type: "layers", diff_ids: [`sha256:${diffId}`] },
    history: [{ created_by: "bench-memory" }],
  });
  const configName = `${createHash("sha256").update(config).digest("hex")}.json`;
  writeFileSync(join(dir, configName), config);
  const manifest = [{ Config: configName, RepoTags: ["bench:memory"], Layers: ["layer.tar"] }];
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
  const archive = join(dir, "image.tar");
  const tar = spawnSync("tar", [
    "-cf",
    archive,
    "-C",
    dir,
    "manifest.json",
    configName,
    "layer.tar",
  ]);
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  rmSync(layer);
  return archive;
}

async function sha256File(path) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest("hex");
}

/** One scan under GNU time: wall seconds and peak RSS in MiB. */
function measure(archive) {
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "%e %M",
      process.execPath,
      cli,
      "sbom",
      `docker-archive:${archive}`,
      "-o",
      "json=/dev/null",
      "--no-cache",
    ],
    { encoding: "utf8", maxBuffer: 64 * MiB },
  );
  if (run.status !== 0) throw new Error(`lading failed on ${archive}:\n${run.stderr.slice(-2000)}`);
  const [seconds, kib] = run.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { seconds, mib: kib / 1024 };
}

/** A growth as +N or -N, rounded first so that a small drop reads -0 rather than +-0. */
const signed = (mib) => {
  const n = Math.round(mib);
  return n < 0 ? `${n}` : `+${n}`;
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const work = mkdtempSync(join(tmpdir(), "lading-bench-memory-"));
const rows = [];
try {
  for (const s of series.filter((x) => only === undefined || x.what.includes(only))) {
    let first;
    for (const step of s.steps) {
      const dir = mkdtempSync(join(work, "image-"));
      const archive = await writeImage(dir, step.members());
      measure(archive); // warms the page cache
      const results = Array.from({ length: runs }, () => measure(archive));
      const mib = median(results.map((r) => r.mib));
      const seconds = median(results.map((r) => r.seconds));
      first ??= mib;
      rows.push({ what: s.what, label: step.label, mib, seconds, growth: mib - first });
      console.error(`${s.what}: ${step.label}: ${mib.toFixed(0)} MiB, ${seconds.toFixed(2)} s`);
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const machine = `${availableParallelism()} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
const table = [
  "| grows by | image | peak RSS | growth from the first | wall time |",
  "| --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.what} | ${r.label} | ${r.mib.toFixed(0)} MiB | ${signed(r.growth)} MiB | ${r.seconds.toFixed(2)} s |`,
  ),
].join("\n");
const text = `Machine: ${machine}; median of ${runs} runs of \`lading sbom docker-archive:IMAGE -o json=/dev/null --no-cache\`.\n\n${table}\n`;
console.log(text);
if (writeTo) {
  writeFileSync(writeTo, `# Peak memory as an image grows\n\n${text}`);
  // The repository's formatter aligns the table, so the written file passes `npm run lint`.
  spawnSync("npx", ["biome", "format", "--write", writeTo], { cwd: repoRoot });
}
