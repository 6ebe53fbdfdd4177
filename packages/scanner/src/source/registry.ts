import { stat } from "node:fs/promises";
import { SourceError } from "../errors.js";
import { dirSource } from "./dir/dir-source.js";
import { dockerSource } from "./docker/docker-source.js";
import { dockerArchiveSource } from "./docker-archive/docker-archive-source.js";
import { ociArchiveSource } from "./oci-archive/oci-archive-source.js";
import { ociDirSource } from "./oci-dir/oci-dir-source.js";
import { podmanSource } from "./podman/podman-source.js";
import { registrySource } from "./registry/registry-source.js";
import type { SourceKind } from "./types.js";

/**
 * Every source kind, in the order a bare argument is tested against them: the most specific
 * content checks first, a plain directory after them; then, for an image reference that names
 * no file, a local engine that has the image, and last the registry.
 */
export const sourceKinds: readonly SourceKind[] = [
  ociDirSource,
  dockerArchiveSource,
  ociArchiveSource,
  dirSource,
  dockerSource,
  podmanSource,
  registrySource,
];

/** A source the user named: its kind and the rest of the reference. */
export interface ResolvedSource {
  source: SourceKind;
  target: string;
}

/**
 * Splits `kind:target`, or detects the kind of a bare path by its content. A Windows-style or
 * unknown prefix is taken as part of a path.
 */
export async function resolveSource(reference: string): Promise<ResolvedSource> {
  const colon = reference.indexOf(":");
  if (colon > 0) {
    const prefix = reference.slice(0, colon);
    const source = sourceKinds.find((s) => s.kind === prefix);
    if (source) return { source, target: reference.slice(colon + 1) };
  }
  for (const source of sourceKinds) {
    if (await source.detect(reference)) return { source, target: reference };
  }
  const kinds = sourceKinds.map((s) => `${s.kind}:`).join(", ");
  const found = await stat(reference).catch(() => undefined);
  if (found?.isFile()) {
    // A truncated or damaged archive fails every kind's sniffing; its own reader says why.
    throw new SourceError(
      `${reference} is no image archive Lading can recognise (damaged or truncated?); name its kind to see why, e.g. docker-archive:${reference} or oci-archive:${reference}`,
    );
  }
  if (found === undefined && /[/\\]|\.tar(\.gz)?$/.test(reference)) {
    throw new SourceError(`no such file or directory: ${reference}`);
  }
  throw new SourceError(
    `cannot tell what ${reference} is: not a file or directory of a known kind, nor an image reference (${kinds})`,
  );
}
