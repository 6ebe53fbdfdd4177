import { writeFileSync } from "node:fs";
import { findFormat, type ScanResult, scan } from "@lading/scanner";
import type { Command } from "commander";
import { createProgress } from "../progress.js";
import { toolVersion } from "../version.js";

/** One `-o FORMAT[=FILE]`: a format, and a file or standard output. */
interface OutputSpec {
  name: string;
  file?: string;
}

function collectOutput(value: string, previous: OutputSpec[]): OutputSpec[] {
  const eq = value.indexOf("=");
  const spec = eq < 0 ? { name: value } : { name: value.slice(0, eq), file: value.slice(eq + 1) };
  return [...previous, spec];
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
      "output format, repeatable (table, json, cyclonedx-json[@1.5], spdx-json)",
      collectOutput,
      [],
    )
    .option("--platform <os/arch[/variant]>", "platform to pick from a multi-platform image")
    .option("--select <tag-or-digest>", "image to pick from an archive holding several")
    .action(
      async (
        source: string,
        options: { output: OutputSpec[]; platform?: string; select?: string },
      ) => {
        const outputs =
          options.output.length > 0
            ? options.output
            : [{ name: process.stdout.isTTY ? "table" : "json" }];
        const resolved = outputs.map((o) => ({ ...o, ...findFormat(o.name) }));
        const progress = createProgress();
        let result: ScanResult;
        try {
          result = await scan(source, {
            platform: options.platform,
            select: options.select,
            onProgress: progress.update,
          });
        } finally {
          progress.done();
        }
        const now = new Date();
        for (const output of resolved) {
          const text = output.format.write(
            result,
            { toolName: "lading", toolVersion, now, isTTY: !output.file && process.stdout.isTTY },
            output.version,
          );
          if (output.file) writeFileSync(output.file, text);
          else process.stdout.write(text);
        }
      },
    );
}
