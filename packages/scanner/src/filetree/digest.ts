import { createHash, type Hash } from "node:crypto";
import { DigestMismatchError } from "../errors.js";

/** What a blob must hash to; `size` is checked too when the manifest gives it. */
export interface Expected {
  digest: string;
  size?: number;
  /** How to name the blob in an error (`layer 2 (sha256:ab12...)`). */
  label: string;
}

/** What a blob was found to be once read to its very last byte. */
export interface Measured {
  /** `algorithm:hex`, in the algorithm the expected digest asked for. */
  digest: string;
  size: number;
}

const ALGORITHMS: Record<string, string> = { sha256: "sha256", sha512: "sha512" };

/**
 * A running hash in the algorithm of `digest` (`sha256:...`); sha256 when the algorithm is
 * unknown, in which case {@link verifyDigest} checks only the size.
 */
export function createDigester(digest = "sha256:"): { hash: Hash; algorithm: string } {
  const algorithm = ALGORITHMS[digest.slice(0, digest.indexOf(":"))] ?? "sha256";
  return { hash: createHash(algorithm), algorithm };
}

/** Throws {@link DigestMismatchError} naming the blob when its size or digest is not the expected one. */
export function verifyDigest(expected: Expected, measured: Measured): void {
  if (expected.size !== undefined && expected.size !== measured.size) {
    throw new DigestMismatchError(
      `${expected.label}: size is ${measured.size} bytes, the manifest says ${expected.size}`,
    );
  }
  const algorithm = expected.digest.slice(0, expected.digest.indexOf(":"));
  if (ALGORITHMS[algorithm] === undefined) return;
  if (measured.digest !== expected.digest) {
    throw new DigestMismatchError(
      `${expected.label}: content hashes to ${measured.digest}, expected ${expected.digest}`,
    );
  }
}
