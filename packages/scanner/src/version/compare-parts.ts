import type { Comparison } from "./types.js";

/** The sign of a number, as a {@link Comparison}. */
export function sign(n: number): Comparison {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Orders two strings by UTF-16 code unit, as C's `strcmp` does for ASCII. */
export function compareStrings(a: string, b: string): Comparison {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders two runs of ASCII digits by value, at any length: version numbers such as dates or
 * 30-digit build ids overflow a double, so they are compared as text after dropping zeros.
 */
export function compareDigits(a: string, b: string): Comparison {
  const x = stripZeros(a);
  const y = stripZeros(b);
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return compareStrings(x, y);
}

function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  return digits.slice(i);
}

/** Whether `c` (a char code) is an ASCII digit. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether `c` (a char code) is an ASCII letter. */
export function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
