import { isDigitCode } from "../compare-parts.js";
import { combination, isNullItem, type ListItem, type MavenItem, qualifier } from "./items.js";

// Maven refuses longer versions to bound parsing cost; so does Lading.
const MAX_LENGTH = 256;
const ZERO: MavenItem = { kind: "number", digits: "0" };

/** The state of one pass over a version string. */
interface Cursor {
  text: string;
  list: ListItem;
  lists: ListItem[];
  start: number;
  isDigit: boolean;
  isCombination: boolean;
}

/**
 * Parses a Maven version into ComparableVersion's item tree. Maven accepts any string; Lading
 * refuses the empty string, whitespace and control characters (signs of a broken extraction,
 * not of a version), and strings longer than Maven's own limit.
 */
export function parseMaven(version: string): ListItem | null {
  if (version === "" || version.length > MAX_LENGTH || /[\s\p{Cc}]/u.test(version)) return null;
  const root: ListItem = { kind: "list", items: [] };
  const cursor: Cursor = {
    text: version.toLowerCase(),
    list: root,
    lists: [root],
    start: 0,
    isDigit: false,
    isCombination: false,
  };
  for (let i = 0; i < cursor.text.length; i++) step(cursor, i);
  finish(cursor);
  for (let k = cursor.lists.length - 1; k >= 0; k--) normalize(cursor.lists[k]);
  return root;
}

function step(cursor: Cursor, i: number): void {
  const c = cursor.text.charCodeAt(i);
  if (c === 46 /* . */) onDot(cursor, i);
  else if (c === 45 /* - */) onHyphen(cursor, i);
  else if (isDigitCode(c)) {
    // Letters then a digit: the run becomes a combination (`alpha2`).
    if (!cursor.isDigit && i > cursor.start) {
      cursor.isCombination = true;
      if (cursor.list.items.length > 0) openList(cursor);
    }
    cursor.isDigit = true;
  } else onLetter(cursor, i);
}

/** Digits then a letter: the number ends and the letters start a sub-list (`1alpha`). */
function onLetter(cursor: Cursor, i: number): void {
  if (cursor.isDigit && i > cursor.start) {
    cursor.list.items.push(item(cursor, true, cursor.text.slice(cursor.start, i)));
    cursor.start = i;
    openList(cursor);
    cursor.isCombination = false;
  }
  cursor.isDigit = false;
}

function onDot(cursor: Cursor, i: number): void {
  cursor.list.items.push(i === cursor.start ? ZERO : takeItem(cursor, i));
  cursor.isCombination = false;
  cursor.start = i + 1;
}

function onHyphen(cursor: Cursor, i: number): void {
  if (i === cursor.start) cursor.list.items.push(ZERO);
  else {
    // `rc-1` is read as `rc1`: a word, a hyphen and a digit make one combination.
    if (
      !cursor.isDigit &&
      i !== cursor.text.length - 1 &&
      isDigitCode(cursor.text.charCodeAt(i + 1))
    ) {
      cursor.isCombination = true;
      return;
    }
    cursor.list.items.push(takeItem(cursor, i));
  }
  cursor.start = i + 1;
  if (cursor.list.items.length > 0) openList(cursor);
  cursor.isCombination = false;
}

function finish(cursor: Cursor): void {
  if (cursor.text.length <= cursor.start) return;
  // `1.0.0.X1` sorts as `1.0.0-X1`: a trailing word always starts a sub-list.
  if (!cursor.isDigit && cursor.list.items.length > 0) openList(cursor);
  cursor.list.items.push(takeItem(cursor, cursor.text.length));
}

function takeItem(cursor: Cursor, end: number): MavenItem {
  return item(cursor, cursor.isDigit, cursor.text.slice(cursor.start, end));
}

function item(cursor: Cursor, isDigit: boolean, text: string): MavenItem {
  if (cursor.isCombination) return combination(text);
  if (isDigit) return { kind: "number", digits: text.replace(/^0+(?=.)/, "") };
  return qualifier(text, false);
}

function openList(cursor: Cursor): void {
  const list: ListItem = { kind: "list", items: [] };
  cursor.list.items.push(list);
  cursor.list = list;
  cursor.lists.push(list);
}

/** Drops null items that carry no meaning (`1.0.0` is `1`; `1-0-alpha` is `1-alpha`). */
function normalize(list: ListItem): void {
  const items = list.items;
  for (let i = items.length - 1; i >= 0; i--) {
    if (!isNullItem(items[i])) continue;
    const next = items[i + 1];
    if (next === undefined || next.kind === "qualifier") items.splice(i, 1);
    else if (next.kind === "list") {
      const first = next.items[0];
      if (first?.kind === "combination" || first?.kind === "qualifier") items.splice(i, 1);
    }
  }
  const only = items[0];
  if (items.length === 1 && only.kind === "list") list.items = only.items;
}
