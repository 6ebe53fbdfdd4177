import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  analyzeLayers,
  checkThresholds,
  LadingError,
  parseThresholds,
  renderLayersTable,
  type Thresholds,
  thresholdsFromConfig,
} from "@lading/scanner";
import { type Command, InvalidArgumentError } from "commander";
import { createProgress } from "../progress.js";
import {
  addSourceOptions,
  requireImage,
  type SourceFlags,
  sourceAccess,
} from "../source-options.js";

interface LayersOptions extends SourceFlags {
  output?: string;
  top: number;
  ci?: boolean;
  lowestEfficiency?: string;
  highestWastedBytes?: string;
  highestWastedPercent?: string;
  config?: string;
}

/** Dive's CI defaults: what `--ci` checks when neither flags nor `.lading.yaml` say otherwise. */
const CI_DEFAULTS: Thresholds = { lowestEfficiency: 0.9, highestWastedPercent: 0.1 };
const CONFIG_FILE = ".lading.yaml";
/** Exit status when the image crosses a `--ci` threshold (1 is for errors). */
const EXIT_THRESHOLD = 2;

/** `lading layers SOURCE`: where an image's bytes went, layer by layer. */
export function registerLayersCommand(program: Command): void {
  const command = program
    .command("layers")
    .description("show what each layer adds, removes and wastes, and how efficient the image is")
    .argument("<source>", "an image reference or path, as for `lading sbom`")
    .option("-o, --output <format>", "table (default on a terminal) or json")
    .option("--top <n>", "how many of the largest files and directories to list", toCount, 10)
    .option("--ci", "check the thresholds: exit 2 when one is crossed, naming it")
    .option("--lowest-efficiency <share>", "fail below this efficiency (implies --ci; default 0.9)")
    .option("--highest-wasted-bytes <size>", "fail above this waste: 20MB, 1GiB (implies --ci)")
    .option(
      "--highest-wasted-percent <share>",
      "fail above this wasted share (implies --ci; default 0.1)",
    )
    .option("--config <file>", `thresholds in a layers: section (default ./${CONFIG_FILE})`);
  addSourceOptions(command)
    .addHelpText(
      "after",
      "\nExit status: 0 when done and every threshold checked is met, 1 on errors, " +
        "2 when a threshold is crossed.",
    )
    .action(runLayers);
}

async function runLayers(source: string, options: LayersOptions): Promise<void> {
  // Output and thresholds are checked first: a typo must not cost a whole scan.
  requireImage(source, "layers");
  const format = outputFormat(options.output);
  // A threshold given on the command line asks for the check as surely as --ci does.
  const checking = options.ci || hasThresholdFlag(options);
  const thresholds = checking ? ciThresholds(options) : undefined;
  const report = await analyzeWithProgress(source, options);
  const crossed = thresholds ? checkThresholds(report.summary, thresholds) : [];
  // A CI job reading the JSON learns the verdict from it, not only from stderr and the status.
  const ci = thresholds && { thresholds, passed: crossed.length === 0, crossed };
  process.stdout.write(
    format === "json"
      ? `${JSON.stringify(ci ? { ...report, ci } : report, null, 2)}\n`
      : renderLayersTable(report),
  );
  for (const violation of crossed) process.stderr.write(`lading: ${violation.message}\n`);
  if (crossed.length > 0) process.exitCode = EXIT_THRESHOLD;
}

function hasThresholdFlag(options: LayersOptions): boolean {
  const { lowestEfficiency, highestWastedBytes, highestWastedPercent } = options;
  return [lowestEfficiency, highestWastedBytes, highestWastedPercent].some((v) => v !== undefined);
}

function outputFormat(output: string | undefined): "table" | "json" {
  const format = output ?? (process.stdout.isTTY ? "table" : "json");
  if (format === "table" || format === "json") return format;
  throw new LadingError(`unknown output format ${format} for layers (table or json)`);
}

/** Defaults, then `.lading.yaml`, then flags: the later wins, threshold by threshold. */
function ciThresholds(options: LayersOptions): Thresholds {
  const flags = parseThresholds(
    {
      "lowest-efficiency": options.lowestEfficiency,
      "highest-wasted-bytes": options.highestWastedBytes,
      "highest-wasted-percent": options.highestWastedPercent,
    },
    "flags",
  );
  return { ...CI_DEFAULTS, ...configThresholds(options.config), ...flags };
}

function configThresholds(file: string | undefined): Thresholds {
  const path = resolve(file ?? CONFIG_FILE);
  if (file === undefined && !existsSync(path)) return {};
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new LadingError(`cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  return thresholdsFromConfig(text, path);
}

async function analyzeWithProgress(source: string, options: LayersOptions) {
  const progress = createProgress();
  try {
    return await analyzeLayers(source, {
      top: options.top,
      onProgress: progress.update,
      ...sourceAccess(options),
    });
  } finally {
    progress.done();
  }
}

function toCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("a whole number, 0 or more");
  return n;
}
