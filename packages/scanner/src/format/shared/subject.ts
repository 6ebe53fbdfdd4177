import type { ScanResult } from "../../types.js";

/** What an SBOM describes: the image or directory a scan read, named as users know it. */
export interface Subject {
  /** First repo tag of an image, else the target the user gave. */
  name: string;
  /** Config digest of an image (the image ID); absent for a directory. */
  version?: string;
  isImage: boolean;
}

/** Names the scanned image or directory for the top of an SBOM. */
export function describeSubject(result: ScanResult): Subject {
  const image = result.image;
  return {
    name: image?.repoTags[0] ?? result.source.target,
    version: image?.configDigest,
    isImage: image !== undefined,
  };
}

/** The hex part of a `sha256:...` digest, shortened the way container tools show image IDs. */
export function shortDigest(digest: string | undefined, length = 12): string | undefined {
  if (!digest) return undefined;
  const hex = digest.includes(":") ? digest.slice(digest.indexOf(":") + 1) : digest;
  return hex.slice(0, length);
}
