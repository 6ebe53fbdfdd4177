import { homedir } from "node:os";
import { join } from "node:path";
import { DiskLayerCache, type ScanOptions, type ScanResult, scan } from "@lading/scanner";
import type { Command } from "commander";
import { createProgress } from "../progress.js";
import { toolVersion } from "../version.js";
import { collectOutput, type OutputSpec, resolveOutputs, writeOutputs } from "./sbom-outputs.js";

interface SbomOptions {
  output: OutputSpec[];
  platform?: string;
  select?: string;
  engine?: string;
  insecure?: boolean;
  caFile?: string;
  username?: string;
  password?: string;
  cache: boolean;
  cacheDir?: string;
}

/** `lading sbom SOURCE`: the bill of materials of an image or directory. */
export function registerSbomCommand(program: Command): void {
  program
    .command("sbom")
    .description("list what an image or directory holds")
    .argument(
      "<source>",
      "registry:REF, docker:REF, podman:REF, docker-archive:PATH, oci-dir:PATH, oci-archive:PATH, dir:PATH, a path or an image reference",
    )
    .option(
      "-o, --output <format[=file]>",
      "output format, repeatable: table (default on a terminal), json, cyclonedx-json[@1.5], spdx-json",
      collectOutput,
      [],
    )
    .option("--platform <os/arch[/variant]>", "platform to pick from a multi-platform image")
    .option("--select <tag-or-digest>", "image to pick from an archive holding several")
    .option("--engine <url>", "engine socket for docker: and podman: (unix:///path.sock)")
    .option("--insecure", "allow plain HTTP and unverified TLS for the registry")
    .option("--ca-file <pem>", "extra certificate authorities to trust for the registry")
    .option("--username <name>", "registry user (or LADING_REGISTRY_USERNAME)")
    .option("--password <secret>", "registry password (or LADING_REGISTRY_PASSWORD)")
    .option("--cache-dir <dir>", "where cataloged layers are kept (or LADING_CACHE_DIR)")
    .option("--no-cache", "read every layer, neither using nor filling the layer cache")
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
      ...sourceAccess(options),
    });
  } finally {
    progress.done();
  }
}

/** Registry, engine and cache settings from flags, then the environment. */
function sourceAccess(options: SbomOptions): ScanOptions {
  const env = process.env;
  return {
    engine: options.engine,
    registry: {
      insecure: options.insecure,
      caFile: options.caFile,
      username: options.username ?? env.LADING_REGISTRY_USERNAME,
      password: options.password ?? env.LADING_REGISTRY_PASSWORD,
    },
    layerCache: options.cache ? new DiskLayerCache({ dir: cacheDir(options) }) : undefined,
  };
}

function cacheDir(options: SbomOptions): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return options.cacheDir ?? process.env.LADING_CACHE_DIR ?? join(base, "lading", "layers");
}
