import { findVersionScheme } from "../version/registry.js";
import type { Comparison, VersionScheme } from "../version/types.js";
import type { Affected, AffectedRange, RangeEvent } from "../vulndb/types.js";

/** Whether a version is affected, and the versions that fix the ranges it falls in. */
export interface RangeVerdict {
  affected: boolean;
  fixedIn: string[];
}

const semver = findVersionScheme("semver");

/**
 * OSV's evaluation (https://ossf.github.io/osv-schema/#evaluation): the version is affected
 * when it is listed in `versions`, or when, walking a range's events in version order, an
 * `introduced` at or below it is not followed by a `fixed` at or below it or a
 * `last_affected` below it; a `limit` at or below it ends the range. `GIT` ranges are skipped:
 * an installed package names no commit. A range whose versions the scheme cannot read is
 * skipped too, never guessed.
 */
export function evaluate(
  affected: Affected,
  version: string,
  versionScheme: VersionScheme,
): RangeVerdict {
  const scheme = memoized(versionScheme);
  const verdict: RangeVerdict = { affected: false, fixedIn: [] };
  if (affected.versions?.includes(version)) verdict.affected = true;
  for (const range of affected.ranges) {
    if (range.type === "GIT") continue;
    // SEMVER ranges are SemVer whatever the ecosystem, except Go's, whose scheme is SemVer's superset.
    const rangeScheme = range.type === "SEMVER" && scheme.id !== "go" ? memoized(semver) : scheme;
    const hit = inRange(range, version, rangeScheme);
    if (hit === undefined) continue;
    verdict.affected = true;
    if (hit.fixed) verdict.fixedIn.push(hit.fixed);
  }
  return verdict;
}

/** The interval of the range that holds `version`, with its fix; undefined when none does. */
function inRange(
  range: AffectedRange,
  version: string,
  scheme: Memo,
): { fixed?: string } | undefined {
  const events = sortEvents(range.events, scheme);
  if (!events) return undefined;
  const cmp = (v: string) => (v === "0" ? 1 : scheme.compare(version, v));
  const limit = events.find((e) => e.limit !== undefined && e.limit !== "*");
  if (limit?.limit !== undefined && cmp(limit.limit) >= 0) return undefined;
  return walk(events, cmp);
}

/** Walks sorted events up to the first one above `version`; that event closes its interval. */
function walk(events: RangeEvent[], cmp: (v: string) => number): { fixed?: string } | undefined {
  let open = false;
  for (const e of events) {
    if (e.introduced !== undefined) {
      if (cmp(e.introduced) < 0) break;
      open = true;
    } else if (e.fixed !== undefined) {
      if (cmp(e.fixed) < 0) return open ? { fixed: e.fixed } : undefined;
      open = false;
    } else if (e.last_affected !== undefined) {
      if (cmp(e.last_affected) <= 0) return open ? {} : undefined;
      open = false;
    }
  }
  return open ? {} : undefined;
}

const eventVersion = (e: RangeEvent) => e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? "";

/** Events in version order (`introduced: 0` first); undefined when a version is unreadable. */
function sortEvents(events: RangeEvent[], scheme: Memo): RangeEvent[] | undefined {
  const usable = events.filter((e) => e.limit === undefined);
  for (const e of usable) {
    const v = eventVersion(e);
    if (v !== "0" && !scheme.isValid(v)) return undefined;
  }
  const order = (a: RangeEvent, b: RangeEvent) => {
    const va = eventVersion(a);
    const vb = eventVersion(b);
    if (va === "0" || vb === "0") return va === vb ? 0 : va === "0" ? -1 : 1;
    return scheme.compare(va, vb);
  };
  return [...usable.sort(order), ...events.filter((e) => e.limit !== undefined)];
}

type Memo = Pick<VersionScheme, "id" | "compare" | "isValid">;
const memos = new Map<string, Memo>();
const MEMO_LIMIT = 1_000_000;

/**
 * The scheme with its answers remembered. The same few fixed versions are compared with the
 * same installed versions over and over, and some schemes (PEP 440) parse slowly; the
 * caches are cleared when they grow past a million entries.
 */
function memoized(scheme: VersionScheme): Memo {
  let memo = memos.get(scheme.id);
  if (!memo) {
    const valid = new Map<string, boolean>();
    const order = new Map<string, Comparison>();
    memo = {
      id: scheme.id,
      isValid: (v) => remember(valid, v, () => scheme.isValid(v)),
      compare: (a, b) => remember(order, `${a}\u0000${b}`, () => scheme.compare(a, b)),
    };
    memos.set(scheme.id, memo);
  }
  return memo;
}

function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}
