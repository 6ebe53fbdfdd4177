import { type ScanResult, scan } from "@lading/scanner/sbom";
import type { Command } from "commander";
import { createProgress } from "../progress.js";
import {
  addSourceOptions,
  SOURCE_HELP,
  type SourceFlags,
  sourceAccess,
} from "../source-options.js";
import { toolVersion } from "../version.js";
import { collectOutput, type OutputSpec, resolveOutputs, writeOutputs } from "./sbom-outputs.js";

interface SbomOptions extends SourceFlags {
  output: OutputSpec[];
}

/** `lading sbom SOURCE`: the bill of materials of an image or directory. */
export function registerSbomCommand(program: Command): void {
  const command = program
    .command("sbom")
    .description("list what an image or directory holds")
    .argument("<source>", SOURCE_HELP)
    .option(
      "-o, --output <format[=file]>",
      "output format, repeatable: table (default on a terminal), json, cyclonedx-json[@1.5], spdx-json",
      collectOutput,
      [],
    );
  addSourceOptions(command).action(runSbom);
}

async function runSbom(source: string, options: SbomOptions): Promise<void> {
  // Outputs are checked first: a bad -o must not cost a whole scan.
  const outputs = resolveOutputs(options.output, process.stdout.isTTY === true);
  const result = await scanWithProgress(source, options);
  writeOutputs(outputs, result, { toolName: "lading", toolVersion, now: new Date() });
}

async function scanWithProgress(source: string, options: SbomOptions): Promise<ScanResult> {
  const progress = createProgress();
  try {
    return await scan(source, { onProgress: progress.update, ...sourceAccess(options) });
  } finally {
    progress.done();
  }
}
