import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidVersionError } from "./errors.js";
import type { Comparison, VersionScheme } from "./types.js";

/** One expected comparison, with where it came from for messages. */
export interface VectorPair {
  a: string;
  b: string;
  expected: Comparison;
  source: string;
}

/** Expected comparisons, and versions the scheme must accept or report as invalid. */
export interface VectorSet {
  pairs: VectorPair[];
  valid: string[];
  invalid: string[];
  /** Deliberate disagreements with another file: this answer replaces theirs for the pair. */
  overrides: VectorPair[];
}

/** What a check needs beyond one file: the scheme's invalid versions and its overrides. */
export interface VectorContext {
  invalid: ReadonlySet<string>;
  overrides: ReadonlyMap<string, Comparison>;
}

const OPERATORS: Readonly<Record<string, Comparison>> = { "<": -1, "=": 0, "==": 0, ">": 1 };
const PAIR_LINE = /^(\S+)\s+(<|==?|>)\s+(\S+)$/;

/**
 * Reads a plain-text version table: `a < b`, `a = b` or `a > b` per line, `!version` for a
 * version that must be reported invalid, a lone `version` for one that must parse, and
 * `~a < b` for a deliberate disagreement with another file's answer for that pair (the line
 * says why in its comment); `#` and `//` start comment lines, and ` # ...` ends a line.
 */
export function parseVectorTable(text: string, source: string): VectorSet {
  const set: VectorSet = { pairs: [], valid: [], invalid: [], overrides: [] };
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\s+#\s.*$/, "").trim();
    if (line === "" || line.startsWith("#") || line.startsWith("//")) return;
    const override = line.startsWith("~");
    const m = PAIR_LINE.exec(override ? line.slice(1) : line);
    const where = `${source}:${index + 1}`;
    const pair = m && { a: m[1], b: m[3], expected: OPERATORS[m[2]], source: where };
    if (pair) (override ? set.overrides : set.pairs).push(pair);
    else if (line.startsWith("!")) set.invalid.push(line.slice(1));
    else set.valid.push(line);
  });
  return set;
}

interface JsonVector {
  a?: string;
  b?: string;
  expected?: Comparison | null;
  version?: string;
  valid?: boolean;
  line?: number;
}

/** Reads a corpus JSON file of `{a, b, expected}` or `{version, valid}` records. */
export function parseVectorJson(text: string, source: string): VectorSet {
  const set: VectorSet = { pairs: [], valid: [], invalid: [], overrides: [] };
  (JSON.parse(text) as JsonVector[]).forEach((v, index) => {
    const where = `${source}:${v.line ?? `#${index}`}`;
    if (v.version !== undefined) (v.valid ? set.valid : set.invalid).push(v.version);
    else if (v.a !== undefined && v.b !== undefined && typeof v.expected === "number")
      set.pairs.push({ a: v.a, b: v.b, expected: v.expected, source: where });
  });
  return set;
}

/** Reads every `.json` and `.txt` vector file in a folder, one set per file name. */
export function loadVectorDir(dir: string): Map<string, VectorSet> {
  const sets = new Map<string, VectorSet>();
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, name), "utf8");
    if (name.endsWith(".json")) sets.set(name, parseVectorJson(text, name));
    else if (name.endsWith(".txt")) sets.set(name, parseVectorTable(text, name));
  }
  return sets;
}

/**
 * Checks a set against a scheme and returns one line per failure. A pair with a side listed as
 * invalid (in any table given in `invalid`) must be refused with an `InvalidVersionError`;
 * every other pair must compare as expected, both ways round.
 */
export function checkVectors(
  scheme: VersionScheme,
  set: VectorSet,
  context: VectorContext,
): string[] {
  const failures: string[] = [];
  for (const version of set.valid)
    if (!scheme.isValid(version)) failures.push(`should be valid: ${JSON.stringify(version)}`);
  for (const version of set.invalid)
    if (scheme.isValid(version)) failures.push(`should be invalid: ${JSON.stringify(version)}`);
  for (const pair of [...set.pairs, ...set.overrides]) {
    const expected = overridden(pair, context.overrides) ?? pair.expected;
    const refused = context.invalid.has(pair.a) || context.invalid.has(pair.b);
    const failure = checkPair(scheme, { ...pair, expected }, refused);
    if (failure)
      failures.push(
        `${pair.source}: ${JSON.stringify(pair.a)} vs ${JSON.stringify(pair.b)}: ${failure}`,
      );
  }
  return failures;
}

function overridden(
  pair: VectorPair,
  overrides: ReadonlyMap<string, Comparison>,
): Comparison | undefined {
  const forward = overrides.get(`${pair.a}\t${pair.b}`);
  if (forward !== undefined) return forward;
  const backward = overrides.get(`${pair.b}\t${pair.a}`);
  return backward === undefined ? undefined : (-backward as Comparison);
}

function checkPair(scheme: VersionScheme, pair: VectorPair, refused: boolean): string | undefined {
  let forward: Comparison;
  let backward: Comparison;
  try {
    forward = scheme.compare(pair.a, pair.b);
    backward = scheme.compare(pair.b, pair.a);
  } catch (err) {
    if (refused && err instanceof InvalidVersionError) return undefined;
    return `threw ${String(err)}`;
  }
  if (refused) return `compared as ${forward}, but a side is listed as invalid`;
  if (forward !== pair.expected) return `got ${forward}, expected ${pair.expected}`;
  if (backward !== -pair.expected) return `reversed got ${backward}, expected ${-pair.expected}`;
  return undefined;
}

/** Every vector file of one scheme's `testdata/` folder, and the union of its invalid lists. */
export interface SchemeVectors extends VectorContext {
  files: Map<string, VectorSet>;
}

/** Loads a scheme's vector files, for its table-driven test. */
export function loadSchemeVectors(dir: string): SchemeVectors {
  const files = loadVectorDir(dir);
  const invalid = new Set<string>();
  const overrides = new Map<string, Comparison>();
  for (const set of files.values()) {
    for (const version of set.invalid) invalid.add(version);
    for (const pair of set.overrides) overrides.set(`${pair.a}\t${pair.b}`, pair.expected);
  }
  return { files, invalid, overrides };
}
