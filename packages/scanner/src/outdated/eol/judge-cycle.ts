import type { DecidingField, EolCycle, EolData, EolDate, EolVerdict } from "../types.js";
import { findEolProduct } from "./products.js";

/** A date's day in UTC, `YYYY-MM-DD`, the form end-of-life dates are compared in. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Judges `cycle` of `product` on the day `now` falls on. A date counts as reached on that very
 * day ("ends 2023-09-11": on 2023-09-11 it has ended). A product or cycle the data lacks is
 * `unknown`, never `supported`.
 */
export function judgeCycle(data: EolData, product: string, cycle: string, now: Date): EolVerdict {
  const cycles = data.products.get(product);
  if (!cycles)
    return { product, cycle, state: "unknown", reason: `no end-of-life data for ${product}` };
  const found = cycles.find((c) => c.cycle === cycle);
  if (!found)
    return {
      product,
      cycle,
      state: "unknown",
      reason: `${product} ${cycle} is not in the end-of-life data`,
    };
  return { product, ...judgeDates(product, found, dayOf(now)) };
}

function judgeDates(product: string, cycle: EolCycle, today: string): EolVerdict {
  const free = findEolProduct(product)?.freeExtendedSupport === true;
  const security = securityEnd(cycle, free);
  const support = supportEnd(cycle, free);
  const dates = {
    cycle: cycle.cycle,
    releaseDate: cycle.releaseDate,
    supportEnd: support?.date,
    securityEnd: security.date,
    paidSupportEnd: free ? undefined : cycle.extendedSupport,
    latest: cycle.latest,
  };
  if (reached(security.date, today))
    return { ...dates, state: "eol", decidedBy: decided(security) };
  if (support && reached(support.date, today))
    return { ...dates, state: "security-only", decidedBy: decided(support) };
  return { ...dates, state: "supported", decidedBy: decided(support ?? security) };
}

interface FieldDate {
  field: DecidingField;
  date: EolDate;
}

/** Free extended support (Debian LTS) is still security support; sold support is not. */
function securityEnd(cycle: EolCycle, freeExtended: boolean): FieldDate {
  const extended = cycle.extendedSupport;
  if (freeExtended && extended !== undefined && extended !== false && cycle.eol !== false)
    return { field: "extendedSupport", date: extended };
  return { field: "eol", date: cycle.eol };
}

/** Where free extended support exists, the regular security support is the full support. */
function supportEnd(cycle: EolCycle, freeExtended: boolean): FieldDate | undefined {
  if (cycle.support !== undefined) return { field: "support", date: cycle.support };
  if (freeExtended && cycle.extendedSupport) return { field: "eol", date: cycle.eol };
  return undefined;
}

function reached(date: EolDate, today: string): boolean {
  return typeof date === "boolean" ? date : date <= today;
}

function decided(at: FieldDate): EolVerdict["decidedBy"] {
  return typeof at.date === "string" ? { field: at.field, date: at.date } : { field: at.field };
}
