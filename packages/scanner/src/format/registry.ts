import { LadingError } from "../errors.js";
import { cyclonedxJsonFormat } from "./cyclonedx/cyclonedx-json-format.js";
import { jsonFormat } from "./json/json-format.js";
import { spdxJsonFormat } from "./spdx/spdx-json-format.js";
import { tableFormat } from "./table/table-format.js";
import type { Format } from "./types.js";

/** Every output format, one per folder under `format/`. */
export const formats: readonly Format[] = [
  tableFormat,
  jsonFormat,
  cyclonedxJsonFormat,
  spdxJsonFormat,
];
/** Finds a format by `id` or `id@version`; an unknown name is an error listing the known ones. */
export function findFormat(name: string): { format: Format; version?: string } {
  const [id, version] = name.split("@");
  const format = formats.find((f) => f.id === id);
  if (!format) {
    throw new LadingError(
      `unknown output format "${name}"; known: ${formats.map((f) => f.id).join(", ")}`,
    );
  }
  if (version !== undefined && !format.versions.includes(version)) {
    throw new LadingError(
      `${id} cannot be written as version ${version}; supported: ${format.versions.join(", ") || "none"}`,
    );
  }
  return { format, version };
}
