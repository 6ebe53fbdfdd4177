import { type ScanResult, scan } from "@lading/scanner";
import type { Command } from "commander";
import { createProgress } from "../progress.js";
import { toolVersion } from "../version.js";
import { collectOutput, type OutputSpec, resolveOutputs, writeOutputs } from "./sbom-outputs.js";

interface SbomOptions {
  output: OutputSpec[];
  platform?: string;
  select?: string;
}

/** `lading sbom SOURCE`: the bill of materials of an image or directory. */
export function registerSbomCommand(program: Command): void {
  program
    .command("sbom")
    .description("list what an image or directory holds")
    .argument(
      "<source>",
      "docker-archive:PATH, oci-dir:PATH, oci-archive:PATH, dir:PATH, or a path",
    )
    .option(
      "-o, --output <format[=file]>",
      "output format, repeatable: table (default on a terminal), json, cyclonedx-json[@1.5], spdx-json",
      collectOutput,
      [],
    )
    .option("--platform <os/arch[/variant]>", "platform to pick from a multi-platform image")
    .option("--select <tag-or-digest>", "image to pick from an archive holding several")
    .action(runSbom);
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
    return await scan(source, {
      platform: options.platform,
      select: options.select,
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
}
