import { compareDigits, compareStrings } from "../compare-parts.js";
import type { Comparison } from "../types.js";
import type { CombinationItem, ListItem, MavenItem, NumberItem, QualifierItem } from "./items.js";

// Known qualifiers in order; the empty word is the release itself.
const QUALIFIERS = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
const RELEASE_WORDS = new Set(["ga", "final", "release"]);
const RELEASE_INDEX = String(QUALIFIERS.indexOf(""));

/**
 * A qualifier's sort key, compared as text as Maven does: known qualifiers by position, the
 * release words as the release, unknown words after all of them in lexical order.
 */
function qualifierKey(word: string): string {
  if (RELEASE_WORDS.has(word)) return RELEASE_INDEX;
  const i = QUALIFIERS.indexOf(word);
  return i === -1 ? `${QUALIFIERS.length}-${word}` : String(i);
}

/** Orders an item against another, or against nothing (`null`: the other version has ended). */
export function compareItem(item: MavenItem, other: MavenItem | null): Comparison {
  switch (item.kind) {
    case "number":
      return compareNumber(item, other);
    case "qualifier":
      return compareQualifier(item, other);
    case "combination":
      return compareCombination(item, other);
    case "list":
      return compareList(item, other);
  }
}

function compareNumber(item: NumberItem, other: MavenItem | null): Comparison {
  if (other === null) return item.digits === "0" ? 0 : 1;
  // A number is newer than any qualifier or sub-list in its place (`1.1` > `1-sp` > `1-1`).
  return other.kind === "number" ? compareDigits(item.digits, other.digits) : 1;
}

function compareQualifier(item: QualifierItem, other: MavenItem | null): Comparison {
  if (other === null) return compareStrings(qualifierKey(item.word), RELEASE_INDEX);
  switch (other.kind) {
    case "number":
      return -1;
    case "qualifier":
      return compareStrings(qualifierKey(item.word), qualifierKey(other.word));
    case "combination": {
      const result = compareQualifier(item, other.qualifier);
      if (result !== 0) return result;
      return compareQualifier(item, null) === 0 ? negate(compareItem(other.number, null)) : -1;
    }
    case "list":
      return negate(compareList(other, item));
  }
}

function compareCombination(item: CombinationItem, other: MavenItem | null): Comparison {
  if (other === null) {
    const result = compareQualifier(item.qualifier, null);
    return result !== 0 ? result : compareNumber(item.number, null);
  }
  switch (other.kind) {
    case "number":
      return -1;
    case "qualifier": {
      const result = compareQualifier(item.qualifier, other);
      if (result !== 0) return result;
      // `X1` is newer than `X`, unless X is the release, where the number alone decides.
      return compareQualifier(item.qualifier, null) === 0 ? compareNumber(item.number, null) : 1;
    }
    case "combination": {
      const result = compareQualifier(item.qualifier, other.qualifier);
      return result !== 0 ? result : compareNumber(item.number, other.number);
    }
    case "list":
      return negate(compareList(other, item));
  }
}

function compareList(list: ListItem, other: MavenItem | null): Comparison {
  if (other === null) return firstNonZero(list.items, 0);
  if (other.kind === "number") return -1;
  if (other.kind === "list") return compareLists(list.items, other.items);
  // A sub-list against a single qualifier: its first item decides, the rest must be null.
  const head = list.items[0];
  const result = head === undefined ? negate(compareItem(other, null)) : compareItem(head, other);
  return result !== 0 ? result : firstNonZero(list.items, 1);
}

function compareLists(left: MavenItem[], right: MavenItem[]): Comparison {
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i];
    const r = right[i];
    const result = l === undefined ? negate(compareItem(r, null)) : compareItem(l, r ?? null);
    if (result !== 0) return result;
  }
  return 0;
}

function firstNonZero(items: MavenItem[], from: number): Comparison {
  for (let i = from; i < items.length; i++) {
    const result = compareItem(items[i], null);
    if (result !== 0) return result;
  }
  return 0;
}

function negate(c: Comparison): Comparison {
  return (c === 0 ? 0 : -c) as Comparison;
}
