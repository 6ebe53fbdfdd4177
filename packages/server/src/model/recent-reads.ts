/**
 * Scan results read at upload, handed to the match job that the same process runs moments later,
 * so that it need not read the stored SBOM again (per 500-component document about 2 ms of
 * `JSON.parse` and 9–14 ms of converting components into packages).
 */
import type { ScanResult } from "@lading/scanner";

/** A bounded hand-off from upload to match job, keyed by snapshot id. */
export interface RecentReads {
  keep(snapshotId: string, result: ScanResult): void;
  /** The result kept for the snapshot, once: a retry or a re-match reads the stored copy. */
  take(snapshotId: string): ScanResult | undefined;
}

/**
 * Keeps at most `limit` results. When the worker falls behind, the oldest are dropped and their
 * jobs read the stored document, as they do after a restart.
 */
export function createRecentReads(limit = 16): RecentReads {
  const results = new Map<string, ScanResult>();
  return {
    keep(snapshotId, result) {
      results.set(snapshotId, result);
      // A Map iterates in insertion order, so the first key is the oldest.
      for (const oldest of results.keys()) {
        if (results.size <= limit) break;
        results.delete(oldest);
      }
    },
    take(snapshotId) {
      const result = results.get(snapshotId);
      results.delete(snapshotId);
      return result;
    },
  };
}
