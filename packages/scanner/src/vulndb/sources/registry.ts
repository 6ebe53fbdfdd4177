import type { AdvisorySource } from "../types.js";
import { alpineSecdb } from "./alpine-secdb/alpine-secdb.js";
import { debianTracker } from "./debian-tracker/debian-tracker.js";
import { osv } from "./osv/osv.js";

/** Every advisory format, tried in order on each document read. */
export const advisorySources: readonly AdvisorySource[] = [osv, alpineSecdb, debianTracker];

/** The source that accepts a document, or undefined when none does. */
export function findAdvisorySource(doc: unknown, fileName: string): AdvisorySource | undefined {
  return advisorySources.find((s) => s.accepts(doc, fileName));
}
