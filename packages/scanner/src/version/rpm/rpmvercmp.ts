import { compareDigits, compareStrings, isDigitCode, isLetterCode } from "../compare-parts.js";
import type { Comparison } from "../types.js";

const TILDE = 126;
const CARET = 94;

/**
 * rpm's rpmvercmp (rpm 4.19, lib/rpmvercmp.c): split both strings into runs of digits or of
 * letters, skipping other characters. `~` sorts before anything, even the end of the string
 * (pre-releases); `^` sorts after the end but before any further run (post-release snapshots).
 * A digit run beats a letter run; digit runs compare by value, letter runs as bytes; when all
 * runs match, the string with runs left over is newer.
 */
export function rpmvercmp(a: string, b: string): Comparison {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  for (;;) {
    i = skipSeparators(a, i);
    j = skipSeparators(b, j);
    const marker = compareMarkers(a, i, b, j);
    if (marker !== undefined) {
      if (marker !== 0) return marker;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigitCode(a.charCodeAt(i));
    const endI = runEnd(a, i, numeric);
    const endJ = runEnd(b, j, numeric);
    // The other side has a run of the other kind here: numbers are newer than letters.
    if (endJ === j) return numeric ? 1 : -1;
    const run = numeric ? compareDigits : compareStrings;
    const diff = run(a.slice(i, endI), b.slice(j, endJ));
    if (diff !== 0) return diff;
    i = endI;
    j = endJ;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i < a.length ? 1 : -1;
}

/** The order decided by `~` or `^` at these positions; `undefined` when neither is there. */
function compareMarkers(a: string, i: number, b: string, j: number): Comparison | undefined {
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(j);
  if (ca === TILDE || cb === TILDE) {
    if (ca !== TILDE) return 1;
    return cb !== TILDE ? -1 : 0;
  }
  if (ca === CARET || cb === CARET) {
    if (i >= a.length) return -1;
    if (j >= b.length) return 1;
    if (ca !== CARET) return 1;
    return cb !== CARET ? -1 : 0;
  }
  return undefined;
}

function skipSeparators(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c) || isLetterCode(c) || c === TILDE || c === CARET) break;
    i++;
  }
  return i;
}

function runEnd(s: string, i: number, numeric: boolean): number {
  const inRun = numeric ? isDigitCode : isLetterCode;
  while (i < s.length && inRun(s.charCodeAt(i))) i++;
  return i;
}
