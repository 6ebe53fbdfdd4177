import { compareDigits, isDigitCode, isLetterCode, sign } from "../compare-parts.js";
import type { Comparison } from "../types.js";
import type { DpkgVersion } from "./parse-dpkg.js";

/** Orders two parsed Debian versions: epoch, then upstream, then revision. */
export function compareDpkg(a: DpkgVersion, b: DpkgVersion): Comparison {
  if (a.epoch !== b.epoch) return sign(a.epoch - b.epoch);
  return verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
}

/**
 * Debian policy §5.6.12: alternate non-digit and digit runs. Non-digit runs compare char by
 * char with `~` before everything (even the end), then the end, then letters, then the rest;
 * digit runs compare by value, an empty run counting as zero (so `1.0` equals `1.0-0`).
 */
function verrevcmp(a: string, b: string): Comparison {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (
      (i < a.length && !isDigitCode(a.charCodeAt(i))) ||
      (j < b.length && !isDigitCode(b.charCodeAt(j)))
    ) {
      const diff = order(a, i) - order(b, j);
      if (diff !== 0) return sign(diff);
      i++;
      j++;
    }
    const startI = i;
    const startJ = j;
    while (i < a.length && isDigitCode(a.charCodeAt(i))) i++;
    while (j < b.length && isDigitCode(b.charCodeAt(j))) j++;
    const diff = compareDigits(a.slice(startI, i) || "0", b.slice(startJ, j) || "0");
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The weight of the character at `i` in a non-digit run (digits and the end weigh 0). */
function order(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (isDigitCode(c)) return 0;
  if (isLetterCode(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}
