/**
 * What an upload does once its caller is allowed to make it: read the document and store it as a
 * snapshot with its matching queued. The upload route and the bundled demo data both come here,
 * so demo snapshots are stored exactly as uploaded ones are.
 */

import type { Store } from "../db/store.js";
import { InvalidRequestError } from "../errors.js";
import type { SbomReader } from "../sbom/types.js";
import { ingestSbom, type UploadTarget } from "./ingest.js";
import type { RecentReads } from "./recent-reads.js";

/**
 * Reads `text` as an SBOM and stores it whole, or throws and stores nothing. With `reads`, the
 * result goes to the match job too, when this process runs it.
 */
export async function receiveSbom(
  store: Store,
  reader: SbomReader,
  target: UploadTarget,
  text: string,
  reads?: RecentReads,
) {
  const parsed = reader.read(text, parseDocument(text));
  const stored = await ingestSbom(store, target, text, parsed);
  reads?.keep(stored.id, parsed.result);
  return stored;
}

function parseDocument(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidRequestError("the body is not valid JSON", { cause });
  }
}
