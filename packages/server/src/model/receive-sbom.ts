/**
 * What an upload does once its caller is allowed to make it: read the document and store it as a
 * snapshot with its matching queued. The upload route and the bundled demo data both come here,
 * so demo snapshots are stored exactly as uploaded ones are.
 */

import type { Store } from "../db/store.js";
import { InvalidRequestError } from "../errors.js";
import type { SbomReader } from "../sbom/types.js";
import { ingestSbom, type UploadTarget } from "./ingest.js";

/** Reads `text` as an SBOM and stores it whole, or throws and stores nothing. */
export async function receiveSbom(
  store: Store,
  reader: SbomReader,
  target: UploadTarget,
  text: string,
) {
  const parsed = reader.read(text, parseDocument(text));
  return ingestSbom(store, target, text, parsed);
}

function parseDocument(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidRequestError("the body is not valid JSON", { cause });
  }
}
