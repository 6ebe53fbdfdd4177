/**
 * The flags that set findings aside, shared by `scan` and `diff` so that both count the same
 * findings: ignore rules from `.lading.yaml` (or `--config`) and OpenVEX documents (`--vex`).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  type IgnoreRule,
  LadingError,
  parseIgnoreRules,
  parseOpenVex,
  type VexStatement,
} from "@lading/scanner";

/** The configuration file read from the working directory when `--config` is not given. */
export const CONFIG_FILE = ".lading.yaml";

/** `--vex` may be given more than once. */
export function collectFile(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The ignore rules of `--config FILE`, or of `./.lading.yaml` when it exists. */
export function ignoreRules(file: string | undefined): IgnoreRule[] {
  const path = resolve(file ?? CONFIG_FILE);
  if (file === undefined && !existsSync(path)) return [];
  return parseIgnoreRules(readText(path), file ?? CONFIG_FILE);
}

/** Every statement of every `--vex` document. */
export function vexStatements(files: readonly string[]): VexStatement[] {
  return files.flatMap((file) => parseOpenVex(readText(file), file));
}

/** A file's text, or an error that names it. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new LadingError(`cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
}
