import type { EolCycle, EolDate } from "../types.js";

/** What reading one product file gave: the cycles, and the records that were skipped. */
export interface ParsedCycles {
  cycles: EolCycle[];
  skipped: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads an endoflife.date product list (`[{cycle, releaseDate, eol, ...}]`). A record without
 * a cycle or with an unreadable date is skipped with its reason; the rest are kept. Throws only
 * when the document is not a list at all.
 */
export function parseCycles(doc: unknown): ParsedCycles {
  if (!Array.isArray(doc)) throw new Error("not a list of release cycles");
  const result: ParsedCycles = { cycles: [], skipped: [] };
  doc.forEach((record, i) => {
    try {
      result.cycles.push(parseCycle(record));
    } catch (err) {
      result.skipped.push(`record ${i}: ${(err as Error).message}`);
    }
  });
  return result;
}

function parseCycle(record: unknown): EolCycle {
  if (typeof record !== "object" || record === null) throw new Error("not an object");
  const r = record as Record<string, unknown>;
  // The API gives some cycles as numbers (`"cycle": 12` in old responses).
  const cycle = typeof r.cycle === "number" ? String(r.cycle) : r.cycle;
  if (typeof cycle !== "string" || cycle === "") throw new Error("no cycle");
  const eol = readDate(r.eol, "eol");
  if (eol === undefined) throw new Error(`cycle ${cycle}: no eol`);
  return dropUndefined({
    cycle,
    releaseDate: readPlainDate(r.releaseDate, "releaseDate"),
    eol,
    support: readDate(r.support, "support"),
    extendedSupport: readDate(r.extendedSupport, "extendedSupport"),
    lts: readDate(r.lts, "lts"),
    latest: typeof r.latest === "string" ? r.latest : undefined,
    codename: typeof r.codename === "string" ? r.codename : undefined,
  });
}

function readDate(value: unknown, field: string): EolDate | undefined {
  if (value === undefined || value === null || typeof value === "boolean")
    return value ?? undefined;
  return readPlainDate(value, field);
}

function readPlainDate(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" && DATE.test(value) && !Number.isNaN(Date.parse(value)))
    return value;
  throw new Error(`${field} is not a YYYY-MM-DD date: ${JSON.stringify(value)}`);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
