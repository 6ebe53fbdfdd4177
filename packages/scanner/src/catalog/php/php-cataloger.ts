import { catalogFiles, type EcosystemSpec, wantsPath } from "../file-parsers.js";
import { formatPurl } from "../purl.js";
import type { Cataloger } from "../types.js";
import { composerLockParser, installedJsonParser } from "./parse-composer.js";

const spec: EcosystemSpec = {
  cataloger: "php-composer",
  type: "composer",
  parsers: [installedJsonParser, composerLockParser],
  purlOf: (draft) => {
    const [vendor, ...rest] = draft.name.split("/");
    const name = rest.join("/");
    return formatPurl({
      type: "composer",
      namespace: name ? vendor : undefined,
      name: name || (vendor as string),
      version: draft.version,
    });
  },
};

/** PHP packages Composer installed (`vendor/composer/installed.json`) or locked (`composer.lock`). */
export const phpCataloger = {
  name: "php-composer",
  maxFileSize: 64 * 1024 * 1024,
  wants: (path: string) => wantsPath(spec, path),
  catalog: (context) => catalogFiles(context, spec),
} satisfies Cataloger;
