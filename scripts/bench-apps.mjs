#!/usr/bin/env node
/**
 * Times `lading sbom` on the "apps" image (bench/apps/build-apps-image): the Debian test image plus
 * one layer holding a node_modules tree of thousands of npm packages and a war full of jars, the
 * two shapes where scanners get slow. Beside it runs the floor of scripts/bench.mjs: a Node process
 * that only reads the same layers, so the figures say what the cataloguing itself costs.
 *
 * One warm-up run of the floor (page cache warm), then `--runs` runs (3 by default), lading and
 * floor taking turns; medians of wall time, CPU time (user + system) and peak RSS from GNU time.
 * The machine may be shared: its load average is recorded at the start and at the end.
 *
 * Usage: node scripts/bench-apps.mjs [--runs N] [--write FILE]
 *   --write FILE  where the report goes (bench/apps/RESULTS.md by default; `-` for stdout only)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(repoRoot, "packages", "cli", "bin", "lading.js");
const floorScript = join(repoRoot, "scripts", "bench.mjs");
const buildScript = join(repoRoot, "bench", "apps", "build-apps-image");
const gnuTime = "/usr/bin/time";
const SBOM_OUT = "/tmp/out.json";

/** Builds the image or finds it cached; returns its manifest with the archive's full path. */
function appsImage() {
  const dir = execFileSync(buildScript, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const manifest = JSON.parse(readFileSync(join(dir.trim(), "manifest.json"), "utf8"));
  return { ...manifest, path: join(dir.trim(), manifest.dockerArchive.path) };
}

/** Runs `command args...` under GNU time; wall seconds, CPU seconds and peak RSS in MiB. */
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

function commands(image) {
  return {
    lading: [cli, "sbom", `docker-archive:${image.path}`, "-o", `json=${SBOM_OUT}`, "--no-cache"],
    floor: [floorScript, "--floor", "docker-archive", image.path, ...image.dockerArchive.layers],
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function summarise(samples) {
  const pick = (key) => median(samples.map((s) => s[key]));
  return { seconds: pick("seconds"), cpuSeconds: pick("cpuSeconds"), rssMiB: pick("rssMiB") };
}

/** Times lading and the floor `runs` times each, taking turns, after one floor warm-up. */
function timeAll(image, runs, scratch) {
  const argv = commands(image);
  measure(process.execPath, argv.floor, scratch);
  const samples = { lading: [], floor: [] };
  for (let run = 1; run <= runs; run++) {
    for (const name of ["lading", "floor"]) {
      const sample = measure(process.execPath, argv[name], scratch);
      console.error(`run ${run} ${name}: ${sample.seconds} s, ${sample.rssMiB.toFixed(0)} MiB`);
      samples[name].push(sample);
    }
  }
  return { lading: summarise(samples.lading), floor: summarise(samples.floor) };
}

/** Packages per purl type and the unknowns count, from the last run's SBOM. */
function countFound() {
  const sbom = JSON.parse(readFileSync(SBOM_OUT, "utf8"));
  const byType = {};
  for (const pkg of sbom.packages) byType[pkg.type] = (byType[pkg.type] ?? 0) + 1;
  const npm = sbom.packages.filter((pkg) => pkg.type === "npm");
  return { byType, unknowns: sbom.unknowns?.length ?? 0, npmFrom: npmSources(npm) };
}

/**
 * Where the npm packages were recorded: installed ones (`node_modules/NAME/package.json`), the
 * app's own lock, or lock files that published packages ship inside node_modules, which list
 * those packages' own development trees rather than anything installed.
 */
function npmSources(npm) {
  const counts = { installed: 0, appLock: 0, nestedLocks: 0 };
  for (const pkg of npm) {
    const path = pkg.locations[0]?.path ?? "";
    if (/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(path)) counts.installed++;
    else if (path.includes("/node_modules/")) counts.nestedLocks++;
    else counts.appLock++;
  }
  return counts;
}

function machine() {
  const cpuModel = cpus()[0]?.model.trim() ?? "unknown";
  const nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  return { nproc, cpuModel, node: process.version };
}

const secs = (s) => `${s.toFixed(2)} s`;
const mib = (m) => `${m.toFixed(0)} MiB`;
const load = (l) => l.map((x) => x.toFixed(2)).join(", ");
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

function figuresTable({ lading, floor }) {
  const row = (name, r) =>
    `| ${name} | ${secs(r.seconds)} | ${secs(r.cpuSeconds)} | ${mib(r.rssMiB)} |`;
  const ratio = `| ratio | ${(lading.seconds / floor.seconds).toFixed(1)}× | ${(
    lading.cpuSeconds / floor.cpuSeconds
  ).toFixed(1)}× | ${(lading.rssMiB / floor.rssMiB).toFixed(1)}× |`;
  const head =
    "| command | median wall | median CPU | median peak RSS |\n| --- | --- | --- | --- |";
  return [head, row("lading sbom", lading), row("floor", floor), ratio].join("\n");
}

function foundTable(found) {
  const types = Object.entries(found.byType).sort(([a], [b]) => a.localeCompare(b));
  const rows = types.map(([type, count]) => `| ${type} | ${count} |`);
  return ["| purl type | packages |", "| --- | --- |", ...rows].join("\n");
}

function report({ image, runs, figures, found, host, loadStart, loadEnd, date }) {
  return `# Benchmark: a large node_modules tree and a large war

Generated by \`npm run bench:apps\` (scripts/bench-apps.mjs) on ${date}.

The image (bench/apps/build-apps-image) is the Debian bookworm minbase test image of
scripts/build-test-images plus one layer holding \`/srv/web/node_modules\` (\`npm ci --omit=dev\` of
bench/apps/npm: ${image.npmPackages} packages in its lock) and \`/srv/app/app.war\`
(${mb(image.warBytes)}, ${image.warJars} real jars in WEB-INF/lib: the host's /usr/share/java and a few Debian lib*-java packages). The
docker-archive is ${mb(image.sizeBytes)}.

Timed: \`node packages/cli/bin/lading.js sbom docker-archive:IMAGE -o json=/tmp/out.json
--no-cache\`, beside the floor of scripts/bench.mjs (\`--floor\`: a Node process that only reads
the image's layers, skipping every file body). One floor warm-up (page cache warm), then ${runs}
runs each, taking turns; medians, from GNU time. CPU is user + system of every thread.

${figuresTable(figures)}

What lading found (last run; ${found.unknowns} unknowns):

${foundTable(found)}

The npm packages by the record each was first found in: ${found.npmFrom.installed} installed
(\`node_modules/NAME/package.json\`), ${found.npmFrom.appLock} only in the app's package-lock.json
(optional packages for other platforms, not installed), and ${found.npmFrom.nestedLocks} from lock
files that published packages ship inside node_modules (yarn.lock, package-lock.json): those list
the packages' own development trees, nothing installed in the image.

## Machine

- ${host.nproc} CPUs: ${host.cpuModel}
- Node ${host.node}
- Load average (1, 5, 15 min): ${load(loadStart)} at the start, ${load(loadEnd)} at the end.

The machine is shared with other work, which the load average shows; wall times move with it,
CPU times much less.
`;
}

function main(argv) {
  const value = (flag) => argv[argv.indexOf(flag) + 1];
  const runs = argv.includes("--runs") ? Number(value("--runs")) : 3;
  const writeTo = argv.includes("--write")
    ? value("--write")
    : join(repoRoot, "bench", "apps", "RESULTS.md");
  const loadStart = loadavg();
  const image = appsImage();
  const scratch = mkdtempSync(join(tmpdir(), "lading-bench-apps-"));
  try {
    const figures = timeAll(image, runs, scratch);
    const found = countFound();
    const date = new Date().toISOString().slice(0, 10);
    const text = report({
      image,
      runs,
      figures,
      found,
      host: machine(),
      loadStart,
      date,
      loadEnd: loadavg(),
    });
    if (writeTo === "-") return console.log(text);
    writeFileSync(writeTo, text);
    // The repository's formatter owns Markdown too: aligned tables keep `biome check .` clean.
    spawnSync("npx", ["biome", "format", "--write", writeTo], { cwd: repoRoot });
    console.log(readFileSync(writeTo, "utf8"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
