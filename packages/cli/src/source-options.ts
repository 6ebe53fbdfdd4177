import { homedir } from "node:os";
import { join } from "node:path";
import { DiskLayerCache, LadingError, type ScanOptions } from "@lading/scanner/sbom";
import type { Command } from "commander";

/** The flags every command that reads an image takes: which image, and how to reach it. */
export interface SourceFlags {
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

/** Source help shared by `sbom`, `layers` and `scan`. */
export const SOURCE_HELP =
  "registry:REF, docker:REF, podman:REF, docker-archive:PATH, oci-dir:PATH, oci-archive:PATH, dir:PATH, a path or an image reference";

/**
 * Refuses `sbom:PATH` where an image is needed. It would otherwise be read as the image
 * reference `sbom` with a tag and fail at Docker Hub, far from the cause: only `lading scan`
 * reads an SBOM.
 */
export function requireImage(source: string, command: string): void {
  if (!source.startsWith("sbom:")) return;
  throw new LadingError(
    `${command} reads images, not SBOMs: ${source} can be scanned (lading scan ${source})`,
  );
}

/** Adds the platform, registry, engine and cache flags to a command. */
export function addSourceOptions(command: Command): Command {
  return command
    .option("--platform <os/arch[/variant]>", "platform to pick from a multi-platform image")
    .option("--select <tag-or-digest>", "image to pick from an archive holding several")
    .option("--engine <url>", "engine socket for docker: and podman: (unix:///path.sock)")
    .option("--insecure", "allow plain HTTP and unverified TLS for the registry")
    .option("--ca-file <pem>", "extra certificate authorities to trust for the registry")
    .option("--username <name>", "registry user (or LADING_REGISTRY_USERNAME)")
    .option("--password <secret>", "registry password (or LADING_REGISTRY_PASSWORD)")
    .option("--cache-dir <dir>", "where cataloged layers are kept (or LADING_CACHE_DIR)")
    .option("--no-cache", "read every layer, neither using nor filling the layer cache");
}

/** Platform, registry, engine and cache settings from flags, then the environment. */
export function sourceAccess(flags: SourceFlags, env: NodeJS.ProcessEnv = process.env) {
  return {
    platform: flags.platform,
    select: flags.select,
    engine: flags.engine,
    registry: {
      insecure: flags.insecure,
      caFile: flags.caFile,
      username: flags.username ?? env.LADING_REGISTRY_USERNAME,
      password: flags.password ?? env.LADING_REGISTRY_PASSWORD,
    },
    layerCache: flags.cache ? new DiskLayerCache({ dir: cacheDir(flags, env) }) : undefined,
  } satisfies ScanOptions;
}

function cacheDir(flags: SourceFlags, env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return flags.cacheDir ?? env.LADING_CACHE_DIR ?? join(base, "lading", "layers");
}
