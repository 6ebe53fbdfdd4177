import { ImageFormatError } from "../../errors.js";
import type { Descriptor, ImageIndex, ImageManifest, Platform } from "./types.js";

type Json = Record<string, unknown>;

const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function strings(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/** Validates one descriptor; `what` names it in the error. */
export function parseDescriptor(value: unknown, what: string): Descriptor {
  if (!isObject(value)) throw new ImageFormatError(`${what} is not an object`);
  const { digest, size, mediaType } = value;
  if (typeof digest !== "string" || !DIGEST.test(digest)) {
    throw new ImageFormatError(`${what} has no valid digest`);
  }
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
    throw new ImageFormatError(`${what} (${digest}) has no valid size`);
  }
  return {
    mediaType: typeof mediaType === "string" ? mediaType : "",
    digest,
    size,
    platform: parsePlatform(value.platform),
    annotations: strings(value.annotations),
  };
}

function parsePlatform(value: unknown): Platform | undefined {
  if (!isObject(value)) return undefined;
  const { os, architecture, variant } = value;
  if (typeof os !== "string" || typeof architecture !== "string") return undefined;
  return { os, architecture, variant: typeof variant === "string" ? variant : undefined };
}

/** Validates an image manifest (OCI or Docker schema 2). */
export function parseManifest(value: unknown, what: string): ImageManifest {
  if (!isObject(value)) throw new ImageFormatError(`${what} is not a JSON object`);
  if (!Array.isArray(value.layers)) throw new ImageFormatError(`${what} has no layers list`);
  return {
    mediaType: typeof value.mediaType === "string" ? value.mediaType : undefined,
    config: parseDescriptor(value.config, `${what}: config`),
    layers: value.layers.map((l, i) => parseDescriptor(l, `${what}: layer ${i}`)),
  };
}

/** Validates an image index or manifest list. */
export function parseIndex(value: unknown, what: string): ImageIndex {
  if (!isObject(value) || !Array.isArray(value.manifests)) {
    throw new ImageFormatError(`${what} has no manifests list`);
  }
  return { manifests: value.manifests.map((m, i) => parseDescriptor(m, `${what}: manifest ${i}`)) };
}

/** True when a parsed JSON document is an index rather than an image manifest. */
export function looksLikeIndex(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.manifests);
}

export { isObject, strings };
