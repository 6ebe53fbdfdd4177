import type { FileTree } from "../../filetree/file-tree.js";
import { baseNameOf, dirNameOf, type FileParser, type PackageDraft } from "../file-parsers.js";
import { normalizeLicenses } from "../spdx.js";
import { declaredLicenses, field, parseHeaders, requiredNames } from "./core-metadata.js";
import { normalizePypiName } from "./pypi.js";

/**
 * Installed distributions: `*.dist-info/METADATA` (wheels), `*.egg-info/PKG-INFO` and
 * `EGG-INFO/PKG-INFO` (eggs), and a `*.egg-info` that is itself a file (distutils).
 */
export function isInstalledMetadata(path: string): boolean {
  const name = baseNameOf(path);
  if (name.endsWith(".egg-info")) return true;
  if (name !== "METADATA" && name !== "PKG-INFO") return false;
  // Case-insensitive file systems (and old setuptools) leave upper-case directory names.
  const dir = baseNameOf(dirNameOf(path)).toLowerCase();
  return dir.endsWith(name === "METADATA" ? "dist-info" : "egg-info");
}

/** Files listing what a distribution installed, read beside its metadata. */
export function isOwnershipRecord(path: string): boolean {
  // Called on every path of every layer: the cheap test on the name first.
  const name = baseNameOf(path);
  if (name !== "RECORD" && name !== "installed-files.txt") return false;
  const dir = baseNameOf(dirNameOf(path)).toLowerCase();
  if (name === "RECORD") return dir.endsWith("dist-info");
  return dir.endsWith("egg-info");
}

/** Installed Python distributions from their core metadata. */
export const installedParser = {
  id: "python-metadata",
  foundHow: "installed",
  matches: isInstalledMetadata,
  parse(text: string, path: string, tree: FileTree): PackageDraft[] {
    const headers = parseHeaders(text);
    const name = field(headers, "name");
    const version = field(headers, "version");
    if (name === undefined || version === undefined) {
      throw new Error("metadata has no Name or no Version");
    }
    const metadata: Record<string, unknown> = {};
    const homepage = field(headers, "home-page");
    if (homepage) metadata.homepage = homepage;
    return [
      {
        name,
        version,
        licenses: normalizeLicenses(declaredLicenses(headers)),
        maintainer: field(headers, "author") ?? field(headers, "author-email"),
        description: field(headers, "summary"),
        files: ownedFiles(tree, path),
        // TODO: Requires-Dist names are kept by name only; linking them to the installed
        // distributions needs a lookup across metadata files, so the graph has no Python edges.
        metadata: { ...metadata, requires: requiredNames(headers).map(normalizePypiName) },
      },
    ];
  },
} satisfies FileParser;

/** Absolute paths from RECORD (relative to site-packages) or installed-files.txt (to egg-info). */
function ownedFiles(tree: FileTree, metadataPath: string): string[] | undefined {
  const infoDir = dirNameOf(metadataPath);
  if (baseNameOf(metadataPath).endsWith(".egg-info")) return undefined;
  const record = tree.read(`${infoDir}/RECORD`);
  if (record) return listed(record.toString("utf8"), dirNameOf(infoDir), true);
  const installed = tree.read(`${infoDir}/installed-files.txt`);
  if (installed) return listed(installed.toString("utf8"), infoDir, false);
  return undefined;
}

function listed(text: string, base: string, csv: boolean): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => (csv ? recordPath(line) : line.trim()))
    .filter((p) => p !== "")
    .map((p) => (p.startsWith("/") ? p : joinPath(base, p)));
}

/** The path column of a RECORD line; a quoted path may itself contain commas. */
function recordPath(line: string): string {
  if (line.startsWith('"')) return line.slice(1, line.indexOf('"', 1));
  const comma = line.indexOf(",");
  return (comma < 0 ? line : line.slice(0, comma)).trim();
}

/** Joins and resolves `..` segments, as RECORD paths climb out of site-packages for scripts. */
function joinPath(base: string, rel: string): string {
  const parts: string[] = [];
  for (const part of `${base}/${rel}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}
