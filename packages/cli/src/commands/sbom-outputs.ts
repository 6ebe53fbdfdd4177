import { accessSync, constants, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  type Format,
  type FormatContext,
  findFormat,
  LadingError,
  type ScanResult,
} from "@lading/scanner/sbom";

/** One `-o FORMAT[=FILE]` as typed: a format name, and a file or standard output. */
export interface OutputSpec {
  name: string;
  file?: string;
}

/** An output whose format is known and whose destination was checked before the scan. */
export interface ResolvedOutput<F = Format> extends OutputSpec {
  format: F;
  version?: string;
}

/** Finds a format by name: the SBOM formats' `findFormat`, or the reports' `findReportFormat`. */
export type FormatFinder<F> = (name: string) => { format: F; version?: string };

/** Commander's collector for the repeatable `-o` option. */
export function collectOutput(value: string, previous: OutputSpec[]): OutputSpec[] {
  const eq = value.indexOf("=");
  const spec = eq < 0 ? { name: value } : { name: value.slice(0, eq), file: value.slice(eq + 1) };
  if (spec.file === "") throw new LadingError(`-o ${value}: the file name after "=" is empty`);
  return [...previous, spec];
}

/**
 * Checks every output before the scan starts, so a typo fails in a second, not after minutes
 * of reading: known format and version, at most one on standard output, each file once, in a
 * directory that exists and can be written to.
 */
export function resolveOutputs<F = Format>(
  specs: readonly OutputSpec[],
  isTTY: boolean,
  find: FormatFinder<F> = findFormat as unknown as FormatFinder<F>,
): ResolvedOutput<F>[] {
  const chosen = specs.length > 0 ? specs : [{ name: isTTY ? "table" : "json" }];
  const resolved = chosen.map((spec) => ({ ...spec, ...find(spec.name) }));
  const toStdout = resolved.filter((o) => !o.file);
  if (toStdout.length > 1) {
    const names = toStdout.map((o) => o.name).join(", ");
    throw new LadingError(
      `only one output can go to standard output (${names}); give the others =FILE`,
    );
  }
  checkFiles(resolved.flatMap((o) => (o.file ? [o.file] : [])));
  return resolved;
}

function checkFiles(files: string[]): void {
  const seen = new Set<string>();
  for (const file of files) {
    const path = resolve(file);
    if (seen.has(path)) throw new LadingError(`${file} is named by more than one -o`);
    seen.add(path);
    checkWritable(file);
  }
}

/** Fails unless `file` could be created: its directory exists and can be written to. */
export function checkWritable(file: string): void {
  const dir = dirname(resolve(file));
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a directory");
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new LadingError(`cannot write ${file}: ${dir}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/** Writes the result in every requested format, each to its file or to standard output. */
export function writeOutputs(
  outputs: readonly ResolvedOutput[],
  result: ScanResult,
  context: Omit<FormatContext, "isTTY">,
): void {
  for (const output of outputs) {
    const isTTY = !output.file && process.stdout.isTTY === true;
    writeOutput(output, output.format.write(result, { ...context, isTTY }, output.version));
  }
}

/** Writes one output's text to its file, or to standard output when it names none. */
export function writeOutput(output: OutputSpec, text: string): void {
  if (!output.file) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(output.file, text);
  } catch (err) {
    throw new LadingError(
      `cannot write ${output.name} to ${output.file}: ${(err as Error).message}`,
      { cause: err },
    );
  }
}
