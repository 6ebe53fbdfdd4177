import { type DocumentOutcome, readDocuments } from "./read-documents.js";
import { findAdvisorySource } from "./sources/registry.js";
import type { VulnDbWriter } from "./store/writer.js";
import type { Advisory, SkippedRecord } from "./types.js";

/** What loading one source did. */
export interface LoadReport {
  /** Advisories stored. */
  records: number;
  /** Records or files that could not be used, each with its reason. */
  skipped: SkippedRecord[];
}

/**
 * Reads every document under `path`, converts each with the source that recognises it and
 * stores the advisories under `source`. A document no source recognises is skipped with a
 * reason; so is every broken record.
 */
export async function loadSource(
  writer: VulnDbWriter,
  source: string,
  path: string,
  label = path,
): Promise<LoadReport> {
  const report: LoadReport = { records: 0, skipped: [] };
  const batch: Advisory[] = [];
  for await (const outcome of readDocuments(path)) {
    batch.push(...convertDocument(outcome, report, label));
    // One transaction per few thousand records: per-record commits would dominate the import.
    if (batch.length >= 5000) writer.add(source, batch.splice(0));
  }
  writer.add(source, batch);
  return report;
}

function convertDocument(outcome: DocumentOutcome, report: LoadReport, label: string): Advisory[] {
  if ("skipped" in outcome) {
    report.skipped.push(outcome.skipped);
    return [];
  }
  const format = findAdvisorySource(outcome.doc, outcome.name);
  if (!format) {
    report.skipped.push({
      path: outcome.name,
      reason: `not a known advisory format (in ${label})`,
    });
    return [];
  }
  const { advisories, skipped } = format.convert(outcome.doc, outcome.name);
  report.records += advisories.length;
  report.skipped.push(...skipped);
  return advisories;
}
