import { existsSync } from "node:fs";
import type { OpenedSource, SourceKind, SourceOptions } from "../types.js";
import { openRegistryImage } from "./open-registry-image.js";
import { parseReference, requireReference } from "./reference.js";

/**
 * An image in a registry that speaks the OCI distribution API (`registry:REF`), or a bare
 * reference such as `alpine:3.10` that names no file. References are normalised as Docker
 * does: `alpine` is `docker.io/library/alpine:latest`.
 */
export const registrySource = {
  kind: "registry",
  async detect(reference: string) {
    return looksLikeImageReference(reference);
  },
  open(target: string, options: SourceOptions): Promise<OpenedSource> {
    return openRegistryImage(requireReference(target), options);
  },
} satisfies SourceKind;

/**
 * A bare argument is taken as an image reference only when it parses as one and names no file,
 * so a mistyped path is reported as a missing file rather than looked up on Docker Hub.
 */
export function looksLikeImageReference(text: string): boolean {
  if (/^[./~]/.test(text) || /\.(tar|tgz|gz|zst|zip)$/.test(text)) return false;
  return parseReference(text) !== undefined && !existsSync(text);
}
