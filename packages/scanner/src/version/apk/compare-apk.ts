import { compareDigits, compareStrings, sign } from "../compare-parts.js";
import type { Comparison } from "../types.js";
import { type ApkPart, ApkToken } from "./parse-apk.js";

/** Orders two tokenised apk versions as apk-tools does. */
export function compareApk(a: ApkPart[], b: ApkPart[]): Comparison {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    if (a[i].kind !== b[i].kind) return compareKinds(a[i], b[i]);
    const diff = compareToken(a[i], b[i], i);
    if (diff !== 0) return diff;
  }
  if (a.length === b.length) return 0;
  // The longer version is newer, unless what it goes on with is a pre-release suffix.
  if (a.length > b.length) return isPreRelease(a[shared]) ? -1 : 1;
  return isPreRelease(b[shared]) ? 1 : -1;
}

function compareToken(a: ApkPart, b: ApkPart, index: number): Comparison {
  switch (a.kind) {
    case ApkToken.Digit:
      return compareComponent(a.text, b.text, index === 0);
    case ApkToken.Suffix:
      return sign((a.rank ?? 0) - (b.rank ?? 0));
    case ApkToken.Letter:
    case ApkToken.Hash:
      return compareStrings(a.text, b.text);
    default:
      return compareDigits(a.text, b.text);
  }
}

/**
 * The first number compares by value. A later one with a leading zero on either side compares
 * as text, so `1.02` sorts before `1.1` (Gentoo's rule for decimal-fraction style versions).
 */
function compareComponent(a: string, b: string, first: boolean): Comparison {
  if (!first && (a.startsWith("0") || b.startsWith("0"))) return compareStrings(a, b);
  return compareDigits(a, b);
}

/** When kinds differ: a pre-release suffix is older; otherwise the earlier kind is newer. */
function compareKinds(a: ApkPart, b: ApkPart): Comparison {
  if (isPreRelease(a)) return -1;
  if (isPreRelease(b)) return 1;
  return a.kind < b.kind ? 1 : -1;
}

function isPreRelease(part: ApkPart): boolean {
  return part.kind === ApkToken.Suffix && (part.rank ?? 0) < 0;
}
