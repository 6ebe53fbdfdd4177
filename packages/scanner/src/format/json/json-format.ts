import type { Format } from "../types.js";

/**
 * Lading's own JSON: the scan result as it is, with a schema marker so readers can tell
 * versions apart. Packages carry their layers and locations; unknowns and timings are kept.
 */
export const jsonFormat = {
  id: "json",
  versions: [],
  write(result, context) {
    const document = {
      schema: "lading/scan-result@1",
      tool: { name: context.toolName, version: context.toolVersion },
      created: context.now.toISOString(),
      ...result,
    };
    return `${JSON.stringify(document, null, 2)}\n`;
  },
} satisfies Format;
