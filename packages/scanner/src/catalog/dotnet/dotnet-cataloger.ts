import { baseName } from "../../filetree/paths.js";
import type { CapturedFile } from "../../filetree/types.js";
import type { FoundHow, Location, Package } from "../../types.js";
import { catalogEachFile } from "../each-file.js";
import type { CatalogContext, Cataloger, CatalogResult } from "../types.js";
import { parseDepsJson } from "./deps-json.js";
import { DOTNET_CATALOGER, type NugetEntry, nugetPackage } from "./package.js";
import { parsePackagesConfig } from "./packages-config.js";
import { parsePackagesLockJson } from "./packages-lock-json.js";

/** Each file the cataloger reads, how it parses, and what kind of record it is. */
const PARSERS: {
  matches(name: string): boolean;
  parse(text: string): NugetEntry[];
  how: FoundHow;
}[] = [
  // A deps.json ships beside a built application: it lists what the app loads at run time.
  { matches: (n) => n.endsWith(".deps.json"), parse: parseDepsJson, how: "installed" },
  { matches: (n) => n === "packages.lock.json", parse: parsePackagesLockJson, how: "lockfile" },
  { matches: (n) => n === "packages.config", parse: parsePackagesConfig, how: "manifest" },
];

/** .NET: `*.deps.json` of built applications, `packages.lock.json` and `packages.config`. */
export const dotnetCataloger = {
  name: DOTNET_CATALOGER,
  wants(path: string): boolean {
    const name = baseName(path);
    return PARSERS.some((p) => p.matches(name));
  },
  maxFileSize: 64 * 1024 * 1024,
  catalog(context: CatalogContext): CatalogResult {
    return catalogEachFile(context, DOTNET_CATALOGER, catalogFile);
  },
} satisfies Cataloger;

function catalogFile(file: CapturedFile, location: Location): Package[] {
  const parser = PARSERS.find((p) => p.matches(baseName(file.path)));
  if (parser === undefined) return [];
  return parser
    .parse(file.content.toString("utf8"))
    .map((e) => nugetPackage(e, parser.how, location));
}
