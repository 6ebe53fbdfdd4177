import type { FileParser, PackageDraft } from "../file-parsers.js";
import { authorOf, licensesOf, parsePackageJson, stringField } from "./package-json.js";

/**
 * A package.json directly inside a package directory: `node_modules/<name>/` or
 * `node_modules/@scope/<name>/` (at any depth, so nested copies, workspaces and pnpm's
 * `.pnpm/<id>/node_modules/` store count), or Debian's `/usr/share/nodejs/<name>/`. A
 * package.json anywhere else is a project's own manifest or a fixture inside a package, not an
 * installed package.
 */
const INSTALLED =
  /(?:\/node_modules|^\/usr\/share\/nodejs|^\/usr\/lib\/nodejs)\/(?:@[^/]+\/)?[^/@.][^/]*\/package\.json$/;

/** Installed packages from their own package.json. */
export const installedParser = {
  id: "package-json",
  foundHow: "installed",
  matches: (path: string) => INSTALLED.test(path),
  parse(text: string): PackageDraft[] {
    const json = parsePackageJson(text);
    const name = stringField(json, "name");
    const version = stringField(json, "version");
    // A package.json without both is a build artefact or a stub, not a package.
    if (name === undefined || version === undefined) return [];
    if (isForeignManifest(json)) return [];
    // TODO: dependencies of installed packages are not linked: that needs Node's lookup through
    // the enclosing node_modules folders across files, so an image-only SBOM has no npm graph.
    const metadata: Record<string, unknown> = {};
    const homepage = stringField(json, "homepage");
    if (homepage) metadata.homepage = homepage;
    if (json.private === true) metadata.private = true;
    return [
      {
        name,
        version,
        licenses: licensesOf(json),
        maintainer: authorOf(json),
        description: stringField(json, "description"),
        metadata,
      },
    ];
  },
} satisfies FileParser;

/**
 * VS Code extensions and Unity packages write a package.json too, but they are not npm
 * packages: their names mean something else, and npm advisories do not apply to them.
 */
function isForeignManifest(json: Record<string, unknown>): boolean {
  const engines = json.engines;
  const vscode = engines !== null && typeof engines === "object" && "vscode" in engines;
  const contributes = json.contributes !== null && typeof json.contributes === "object";
  return vscode || contributes || typeof json.unity === "string";
}
