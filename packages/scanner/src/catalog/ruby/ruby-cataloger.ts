import { catalogFiles, type EcosystemSpec, wantsPath } from "../file-parsers.js";
import { formatPurl } from "../purl.js";
import type { Cataloger } from "../types.js";
import { gemfileLockParser } from "./parse-gemfile-lock.js";
import { gemspecParser } from "./parse-gemspec.js";

const spec: EcosystemSpec = {
  cataloger: "ruby",
  type: "gem",
  parsers: [gemspecParser, gemfileLockParser],
  purlOf: (draft) => formatPurl({ type: "gem", name: draft.name, version: draft.version }),
};

/** Ruby gems: installed ones from `specifications/*.gemspec`, locked ones from Gemfile.lock. */
export const rubyCataloger = {
  name: "ruby",
  maxFileSize: 16 * 1024 * 1024,
  wants: (path: string) => wantsPath(spec, path),
  catalog: (context) => catalogFiles(context, spec),
} satisfies Cataloger;
