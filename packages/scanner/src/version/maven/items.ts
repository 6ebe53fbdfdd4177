/**
 * The parsed form of a Maven version: a tree of items, as Maven's ComparableVersion builds it
 * (maven-artifact 3.9 / 4.0, org.apache.maven.artifact.versioning.ComparableVersion).
 */
export type MavenItem = NumberItem | QualifierItem | CombinationItem | ListItem;

/** A run of digits; compared by value at any length. */
export interface NumberItem {
  kind: "number";
  digits: string;
}

/** A word such as `alpha`, `rc`, `sp` or an unknown qualifier, lower-cased. */
export interface QualifierItem {
  kind: "qualifier";
  word: string;
}

/** A qualifier directly followed by a number (`alpha2`, `rc-1`), kept as one item. */
export interface CombinationItem {
  kind: "combination";
  qualifier: QualifierItem;
  number: NumberItem;
}

/** A sub-list, started by `-` or by a switch from digits to letters. */
export interface ListItem {
  kind: "list";
  items: MavenItem[];
}

/** Whether an item equals the absence of an item (`0`, the empty qualifier, an empty list). */
export function isNullItem(item: MavenItem): boolean {
  switch (item.kind) {
    case "number":
      return /^0+$/.test(item.digits);
    case "qualifier":
      return item.word === "";
    case "combination":
      return false;
    case "list":
      return item.items.length === 0;
  }
}

// Short forms that stand for a qualifier only when a number follows (`a1` is `alpha-1`).
const FOLLOWED_BY_DIGIT: Readonly<Record<string, string>> = {
  a: "alpha",
  b: "beta",
  m: "milestone",
};
const ALIASES: Readonly<Record<string, string>> = { cr: "rc" };

/** Builds a qualifier item, applying Maven's aliases. */
export function qualifier(word: string, followedByDigit: boolean): QualifierItem {
  const expanded = (followedByDigit && FOLLOWED_BY_DIGIT[word]) || word;
  return { kind: "qualifier", word: ALIASES[expanded] ?? expanded };
}

/** Builds a combination item from text such as `alpha2` or `rc-1`. */
export function combination(text: string): CombinationItem {
  const joined = text.replaceAll("-", "");
  const firstDigit = joined.search(/[0-9]/);
  return {
    kind: "combination",
    qualifier: qualifier(joined.slice(0, firstDigit), true),
    number: { kind: "number", digits: joined.slice(firstDigit) },
  };
}
