import { catalogFiles, type EcosystemSpec, type FileParser, wantsPath } from "../file-parsers.js";
import type { Cataloger } from "../types.js";
import { npmPurl } from "./npm-purl.js";
import { installedParser } from "./parse-installed.js";
import { packageLockParser } from "./parse-package-lock.js";
import { pnpmLockParser } from "./parse-pnpm-lock.js";
import { yarnLockParser } from "./parse-yarn-lock.js";

/**
 * A lockfile inside `node_modules`, or inside Debian's `/usr/share/nodejs` (where its `node-*`
 * packages install modules), came with a published package: it pins that package's own
 * development tree, which npm never installs. Reading it would report hundreds of packages the
 * image does not hold (a single `node_modules/better-opn/yarn.lock` lists 746).
 */
function outsideInstalledPackages(parser: FileParser): FileParser {
  return { ...parser, matches: (path) => parser.matches(path) && !insideInstalledPackage(path) };
}

function insideInstalledPackage(path: string): boolean {
  return (
    path.includes("/node_modules/") ||
    path.startsWith("/usr/share/nodejs/") ||
    path.startsWith("/usr/lib/nodejs/")
  );
}

const spec: EcosystemSpec = {
  cataloger: "npm",
  type: "npm",
  parsers: [
    installedParser,
    ...[packageLockParser, yarnLockParser, pnpmLockParser].map(outsideInstalledPackages),
  ],
  purlOf: (draft) => npmPurl(draft.name, draft.version),
};

/**
 * JavaScript packages: installed ones from `node_modules/<name>/package.json`, and those a
 * project locks in `package-lock.json`, `yarn.lock` (Yarn 1 and 2+) or `pnpm-lock.yaml`.
 * Every `package.json` is kept, as a lockfile needs the one beside it to tell dev from prod.
 */
export const npmCataloger = {
  name: "npm",
  maxFileSize: 64 * 1024 * 1024,
  wants: (path: string) => path.endsWith("/package.json") || wantsPath(spec, path),
  catalog: (context) => catalogFiles(context, spec),
} satisfies Cataloger;
