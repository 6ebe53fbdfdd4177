/**
 * Scans one hostile image end to end (`scan()`, the real sources, every cataloger, no layer
 * cache) and judges how it ended: a result or a typed error (a `LadingError`, never a
 * TypeError or RangeError), within a time bound and an RSS bound, with nothing written outside.
 * The scan runs with its working directory and TMPDIR in a fresh empty directory, which must
 * still be empty afterwards, and the trees given to watch (a canary directory, the image's own
 * files) must be unchanged to the nanosecond of their mtimes.
 */
import { lstatSync, mkdtempSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { LadingError } from "../errors.js";
import { formats } from "../format/registry.js";
import { cyclonedxValidator, schemaErrors, spdxValidator } from "../format/testdata/schemas.js";
import { scan } from "../scan.js";
import type { ScanResult } from "../types.js";

/** What one scan may cost, and what it must leave alone. */
export interface CaseBounds {
  timeMs: number;
  /** Growth of the process's resident memory over the scan, sampled every 10 ms. */
  rssBytes: number;
  /** Directories that must be unchanged after the scan. */
  watch: string[];
  /** Where to make the scan's empty working directory. */
  scratchRoot: string;
}

/** How one scan of one case ended, for the figures printed at the end. */
export interface CaseReport {
  name: string;
  reference: string;
  ms: number;
  rssPeakMiB: number;
  /** `result`, or the class name of the typed error. */
  outcome: string;
  message?: string;
  unknowns: number;
  packages: number;
  crash?: string;
  hang: boolean;
  writesOutside: string[];
  /** Output formats that were not valid or let control characters through. */
  badOutput: string[];
  result?: ScanResult;
}

/** Scans `reference` under `bounds` and reports how it went; never throws for the scan's sake. */
export async function scanHostile(
  name: string,
  reference: string,
  bounds: CaseBounds,
): Promise<CaseReport> {
  const scratch = mkdtempSync(join(bounds.scratchRoot, "scratch-"));
  const before = snapshot(bounds.watch);
  const sampler = sampleRss();
  const started = performance.now();
  const ended = await inside(scratch, () => withTimeout(scan(reference), bounds.timeMs));
  const ms = Math.round(performance.now() - started);
  const rssPeak = sampler.stop();
  const writes = [...changes(before, snapshot(bounds.watch)), ...leftIn(scratch)];
  const report: CaseReport = {
    name,
    reference,
    ms,
    rssPeakMiB: Math.round(rssPeak / 2 ** 20),
    outcome: "result",
    unknowns: 0,
    packages: 0,
    hang: ended === "hang",
    writesOutside: writes,
    badOutput: [],
  };
  if (ended === "hang") return { ...report, outcome: "hang" };
  return "error" in ended ? judgeError(report, ended.error) : judgeResult(report, ended.value);
}

function judgeError(report: CaseReport, error: unknown): CaseReport {
  const typed = error instanceof LadingError && error.message.trim() !== "";
  const outcome = error instanceof Error ? error.constructor.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return {
    ...report,
    outcome,
    message,
    crash: typed ? undefined : String((error as Error)?.stack ?? error),
  };
}

function judgeResult(report: CaseReport, result: ScanResult): CaseReport {
  return {
    ...report,
    result,
    unknowns: result.unknowns.length,
    packages: result.packages.length,
    badOutput: checkOutputs(result),
  };
}

/**
 * Every format's output for `result`: JSON formats must parse (and the SBOMs pass their
 * official schemas); the table, meant for a terminal, must hold no control character but `\n`.
 */
export function checkOutputs(result: ScanResult): string[] {
  const context = { toolName: "lading", toolVersion: "0.0.0", now: new Date(0) };
  const bad: string[] = [];
  for (const format of formats) {
    let text: string;
    try {
      text = format.write(result, context);
    } catch (err) {
      bad.push(`${format.id}: threw ${(err as Error).message}`);
      continue;
    }
    const problem = format.id === "table" ? tableProblem(text) : jsonProblem(format.id, text);
    if (problem) bad.push(`${format.id}: ${problem}`);
  }
  return bad;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function tableProblem(text: string): string | undefined {
  const hit = CONTROL.exec(text);
  if (!hit) return undefined;
  const line = text.slice(0, hit.index).split("\n").length;
  return `control character U+${hit[0].charCodeAt(0).toString(16).padStart(4, "0")} on line ${line}`;
}

function jsonProblem(id: string, text: string): string | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `not JSON: ${(err as Error).message}`;
  }
  const validate =
    id === "cyclonedx-json"
      ? cyclonedxValidator("1.6")
      : id === "spdx-json"
        ? spdxValidator()
        : undefined;
  const errors = validate ? schemaErrors(validate, doc) : [];
  return errors.length > 0 ? `schema: ${errors.slice(0, 3).join("; ")}` : undefined;
}

type Ended<T> = { value: T } | { error: unknown } | "hang";

async function withTimeout<T>(work: Promise<T>, timeMs: number): Promise<Ended<T>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<"hang">((resolve) => {
    timer = setTimeout(() => resolve("hang"), timeMs);
  });
  const settled = work.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  try {
    return await Promise.race([settled, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `work` with the working directory and TMPDIR set to `dir`, then puts them back. */
async function inside<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  const tmp = process.env.TMPDIR;
  process.chdir(dir);
  process.env.TMPDIR = dir;
  try {
    return await work();
  } finally {
    process.chdir(cwd);
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  }
}

/** The peak resident memory above the level at the start, sampled until `stop()`. */
function sampleRss(): { stop(): number } {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss()) - start;
    },
  };
}

/** Every path below `dirs` (links not followed) with its type, size, mode and mtime. */
export function snapshot(dirs: string[]): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (path: string) => {
    const info = lstatSync(path, { bigint: true });
    seen.set(path, `${info.mode}:${info.size}:${info.mtimeNs}:${info.ino}`);
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const dir of dirs) visit(dir);
  return seen;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [path, stamp] of after) {
    if (before.get(path) !== stamp) changed.push(`${before.has(path) ? "changed" : "new"} ${path}`);
  }
  for (const path of before.keys()) if (!after.has(path)) changed.push(`removed ${path}`);
  return changed;
}

function leftIn(scratch: string): string[] {
  return readdirSync(scratch).map((name) => `new ${join(scratch, name)}`);
}
