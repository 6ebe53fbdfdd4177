import { resolve } from "node:path";
import {
  buildVulnReport,
  findFormat,
  findingsAtOrAbove,
  findReportFormat,
  type IgnoreRule,
  LadingError,
  loadDbConfig,
  loadEolData,
  openVulnDb,
  type PlanFormat,
  parsePlanFormat,
  parseSeverity,
  planRemediation,
  type ReportFormat,
  readSbom,
  refreshedEolDir,
  renderRemediationPlan,
  resolveDbDir,
  type ScanResult,
  type Severity,
  scan,
  type VexStatement,
  type VulnDb,
  type VulnReport,
} from "@lading/scanner";
import type { Command } from "commander";
import { createProgress } from "../progress.js";
import {
  addSourceOptions,
  SOURCE_HELP,
  type SourceFlags,
  sourceAccess,
} from "../source-options.js";
import { toolVersion } from "../version.js";
import { staleWarning } from "./db.js";
import { CONFIG_FILE, collectFile, ignoreRules, readText, vexStatements } from "./policy-flags.js";
import {
  checkWritable,
  collectOutput,
  type OutputSpec,
  type ResolvedOutput,
  resolveOutputs,
  writeOutput,
} from "./sbom-outputs.js";

interface ScanFlags extends SourceFlags {
  output: OutputSpec[];
  db?: string;
  config?: string;
  failOn?: string;
  failOnEol?: boolean;
  onlyFixed?: boolean;
  vex: string[];
  plan?: string | true;
  upload?: boolean;
  server?: string;
  token?: string;
  project?: string;
}

/** What the flags ask for, checked before any image is read. */
interface ScanPlan {
  outputs: ResolvedOutput<ReportFormat>[];
  failOn?: Severity;
  ignore: IgnoreRule[];
  vex: VexStatement[];
  /** `--plan`: the remediation plan's format and, when given, its file. */
  remediation?: { format: PlanFormat; file?: string };
  /** `--upload`: where the scanned SBOM goes as a new snapshot. */
  upload?: { server: string; token: string; project: string };
}

const SBOM_PREFIX = "sbom:";
/** Exit status when --fail-on or --fail-on-eol is crossed (1 is for errors). */
const EXIT_POLICY = 2;

/** `lading scan SOURCE`: the known vulnerabilities of an image, directory or SBOM. */
export function registerScanCommand(program: Command): void {
  const command = program
    .command("scan")
    .description("find the known vulnerabilities of an image, a directory or an SBOM")
    .argument("<source>", `${SOURCE_HELP}, or sbom:PATH (CycloneDX, SPDX or Lading JSON)`)
    .option(
      "-o, --output <format[=file]>",
      "output format, repeatable: table (default on a terminal), json, sarif, cyclonedx-json[@1.5]",
      collectOutput,
      [],
    )
    .option("--db <dir>", "vulnerability data directory (default: $LADING_DB_DIR, else the cache)")
    .option("--config <file>", `ignore: rules and db: settings (default ./${CONFIG_FILE})`)
    .option(
      "--fail-on <severity>",
      "exit 2 if a finding at or above it remains: critical, high, medium, low, negligible, unknown (any)",
    )
    .option("--fail-on-eol", "exit 2 if the distro or a runtime is past end of security support")
    .option("--only-fixed", "report only findings that have a fixed version")
    .option(
      "--vex <file>",
      "OpenVEX document; not_affected and fixed statements close findings (repeatable)",
      collectFile,
      [],
    )
    .option("--upload", "also upload the SBOM as a snapshot to a Lading server (--server, --token)")
    .option("--server <url>", "Lading server for --upload (or LADING_SERVER)")
    .option("--token <token>", "API token with the upload scope (or LADING_TOKEN)")
    .option("--project <path>", "project to upload to, e.g. ci/shop/web")
    .option(
      "--plan [format[=file]]",
      "also print a remediation plan: the upgrades that fix the most, as table, json or markdown",
    );
  addSourceOptions(command)
    .addHelpText(
      "after",
      "\nExit status: 0 when done and no --fail-on or --fail-on-eol condition holds, 1 on errors, 2 when one holds.",
    )
    .action(runScan);
}

async function runScan(source: string, flags: ScanFlags): Promise<void> {
  // Everything that can be wrong in the flags fails before minutes of reading.
  const plan = planScan(flags);
  const dbDir = resolveDbDir(flags.db);
  const db = openVulnDb(dbDir);
  try {
    const result = await readSource(source, flags);
    const report = buildVulnReport(result, {
      db,
      policy: {
        ignore: plan.ignore,
        vex: plan.vex,
        onlyFixed: flags.onlyFixed === true,
        now: new Date(),
      },
      eolData: await loadEolData({ refreshedDir: refreshedEolDir(dbDir) }),
      database: databaseOf(db),
    });
    writeReport(plan.outputs, report);
    if (plan.remediation) writeRemediation(plan.remediation, report);
    if (plan.upload) await upload(plan.upload, report);
    await warn(report, db, flags);
    judge(report, plan.failOn, flags.failOnEol === true);
  } finally {
    db.close();
  }
}

function planScan(flags: ScanFlags): ScanPlan {
  return {
    outputs: resolveOutputs(flags.output, process.stdout.isTTY === true, findReportFormat),
    failOn: flags.failOn === undefined ? undefined : parseSeverity(flags.failOn),
    ignore: ignoreRules(flags.config),
    vex: vexStatements(flags.vex),
    remediation: flags.plan === undefined ? undefined : remediationOf(flags.plan, flags.output),
    upload: flags.upload ? uploadOf(flags) : undefined,
  };
}

/** The server, token and project of `--upload`, all required; the token never appears. */
function uploadOf(flags: ScanFlags): ScanPlan["upload"] {
  const server = flags.server ?? process.env.LADING_SERVER;
  const token = flags.token ?? process.env.LADING_TOKEN;
  const missing = [
    server ? "" : "--server (or LADING_SERVER)",
    token ? "" : "--token (or LADING_TOKEN)",
    flags.project ? "" : "--project",
  ].filter(Boolean);
  if (missing.length > 0) throw new LadingError(`--upload needs ${missing.join(", ")}`);
  return { server: server as string, token: token as string, project: flags.project as string };
}

/** Sends the scan as CycloneDX 1.6, the way the agent does, so the server matches it itself. */
async function upload(target: NonNullable<ScanPlan["upload"]>, report: VulnReport) {
  const { uploadSnapshot } = await import("@lading/agent");
  const { format } = findFormat("cyclonedx-json");
  const context = { toolName: "lading", toolVersion, now: new Date() };
  const sbom = format.write(report.result, context, "1.6");
  const kind = report.result.image ? "container" : "application";
  const answer = await uploadSnapshot(target.server, target.token, target.project, sbom, kind);
  process.stderr.write(
    `lading: uploaded snapshot ${answer.id} (${answer.componentCount} components) to ${target.project}\n`,
  );
}

/**
 * `--plan` alone prints a table after the report. On standard output it may only follow a
 * table: appended to JSON or SARIF it would break the document a program reads.
 */
function remediationOf(value: string | true, outputs: OutputSpec[]): ScanPlan["remediation"] {
  const [name, file] = value === true ? ["table", undefined] : splitOnce(value, "=");
  const format = parsePlanFormat(name);
  const machineOnStdout = outputs.some((o) => !o.file && o.name !== "table");
  if (file === undefined && machineOnStdout) {
    throw new LadingError(
      "--plan would mix with a machine-readable report on standard output; give --plan FORMAT=FILE",
    );
  }
  if (file !== undefined) checkPlanFile(file, outputs);
  return { format, file };
}

/** The plan's file, checked before the scan as -o's files are: named, writable, not an -o's. */
function checkPlanFile(file: string, outputs: OutputSpec[]): void {
  if (file === "") throw new LadingError('--plan: the file name after "=" is empty');
  if (outputs.some((o) => o.file !== undefined && resolve(o.file) === resolve(file))) {
    throw new LadingError(`${file} is named by both -o and --plan`);
  }
  checkWritable(file);
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const i = value.indexOf(separator);
  return i < 0 ? [value, undefined] : [value.slice(0, i), value.slice(i + 1)];
}

function writeRemediation(remediation: NonNullable<ScanPlan["remediation"]>, report: VulnReport) {
  const plan = planRemediation(report.result, report.findings);
  const text = renderRemediationPlan(plan, remediation.format);
  if (remediation.file) writeOutput({ name: "the plan", file: remediation.file }, text);
  else process.stdout.write(`\n${text}`);
}

async function readSource(source: string, flags: ScanFlags): Promise<ScanResult> {
  if (source.startsWith(SBOM_PREFIX)) return readSbom(readText(source.slice(SBOM_PREFIX.length)));
  const progress = createProgress();
  try {
    return await scan(source, { onProgress: progress.update, ...sourceAccess(flags) });
  } finally {
    progress.done();
  }
}

function databaseOf(db: VulnDb): VulnReport["database"] {
  const status = db.status();
  return {
    builtAt: status.builtAt,
    sources: status.sources.map((s) => ({ name: s.name, updatedAt: s.updatedAt })),
  };
}

function writeReport(outputs: readonly ResolvedOutput<ReportFormat>[], report: VulnReport): void {
  const context = { toolName: "lading", toolVersion, now: new Date() };
  for (const output of outputs) {
    const isTTY = !output.file && process.stdout.isTTY === true;
    writeOutput(output, output.format.write(report, { ...context, isTTY }, output.version));
  }
}

async function warn(report: VulnReport, db: VulnDb, flags: ScanFlags): Promise<void> {
  const config = await loadDbConfig(flags.config ?? CONFIG_FILE, flags.config !== undefined);
  const stale = staleWarning(db.status(), config.maxAgeHours, new Date());
  for (const warning of [...report.warnings, ...(stale ? [stale] : [])])
    process.stderr.write(`lading: warning: ${warning}\n`);
}

/** Sets exit status 2, naming why, when a finding or an end of life crosses what was asked. */
function judge(report: VulnReport, failOn: Severity | undefined, failOnEol: boolean): void {
  if (failOn) {
    const failing = findingsAtOrAbove(report.findings, failOn);
    if (failing.length > 0) {
      const n = failing.length;
      process.stderr.write(
        `lading: ${n} finding${n === 1 ? "" : "s"} at or above ${failOn} (--fail-on ${failOn})\n`,
      );
      process.exitCode = EXIT_POLICY;
    }
  }
  if (failOnEol && report.outdated?.pastSecuritySupport) {
    process.stderr.write(
      `lading: ${eolNames(report).join(", ")} past end of security support (--fail-on-eol)\n`,
    );
    process.exitCode = EXIT_POLICY;
  }
}

function eolNames(report: VulnReport): string[] {
  const outdated = report.outdated;
  if (!outdated) return [];
  const names = outdated.runtimes
    .filter((r) => r.state === "eol")
    .map((r) => `${r.product} ${r.cycle}`);
  const distro = outdated.distro;
  if (distro?.state === "eol")
    names.unshift(`${distro.distro.id} ${distro.cycle ?? distro.distro.versionId ?? ""}`.trim());
  return names;
}
