import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import { DigestMismatchError } from "../errors.js";

/** What a blob must hash to; `size` is checked too when the manifest gives it. */
export interface Expected {
  digest: string;
  size?: number;
  /** How to name the blob in an error (`layer 2 (sha256:ab12...)`). */
  label: string;
}

const ALGORITHMS: Record<string, string> = { sha256: "sha256", sha512: "sha512" };

/**
 * A pass-through stream that hashes what flows through it and fails at the end when the digest
 * or size differs from what was expected. Unknown algorithms are passed through unchecked.
 */
export function createVerifier(expected: Expected): Transform {
  const [algorithm, hex] = expected.digest.split(":");
  const hashName = ALGORITHMS[algorithm ?? ""];
  const hash = hashName ? createHash(hashName) : null;
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash?.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      if (expected.size !== undefined && expected.size !== size) {
        return done(
          new DigestMismatchError(
            `${expected.label}: size is ${size} bytes, the manifest says ${expected.size}`,
          ),
        );
      }
      const actual = hash?.digest("hex");
      if (actual !== undefined && actual !== hex) {
        return done(
          new DigestMismatchError(
            `${expected.label}: content hashes to ${algorithm}:${actual}, expected ${expected.digest}`,
          ),
        );
      }
      done();
    },
  });
}
