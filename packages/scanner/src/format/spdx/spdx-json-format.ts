import type { Format } from "../types.js";
import { buildDocument } from "./build-document.js";

/**
 * SPDX 2.3 JSON, written by hand: no npm library writes SPDX 2.3 JSON and is kept up, and the
 * document is small enough that its types in `document-types.ts` are the whole contract.
 */
export const spdxJsonFormat = {
  id: "spdx-json",
  versions: ["2.3"],
  write(result, context) {
    return `${JSON.stringify(buildDocument(result, context), null, 2)}\n`;
  },
} satisfies Format;
