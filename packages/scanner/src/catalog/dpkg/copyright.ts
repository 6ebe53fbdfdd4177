import { debianToSpdx, spdxIdOf } from "./debian-license.js";

const DOC_DIR = "/usr/share/doc/";
const COPYRIGHT = "/copyright";

/**
 * Whether `path` is a package's copyright file, `/usr/share/doc/<package>/copyright`, at exactly
 * that depth: the copies deeper down (examples, vendored sources) are not the package's own.
 */
export function isCopyrightPath(path: string): boolean {
  if (!path.startsWith(DOC_DIR) || !path.endsWith(COPYRIGHT)) return false;
  const slash = path.indexOf("/", DOC_DIR.length);
  return slash > DOC_DIR.length && slash === path.length - COPYRIGHT.length;
}

/** Where a package's copyright file is; a multi-arch `name:arch` shares one doc directory. */
export function copyrightPathOf(packageName: string): string {
  const name = packageName.split(":")[0];
  return `${DOC_DIR}${name}${COPYRIGHT}`;
}

/** A DEP-5 field starts a line; its first line is the licence's short name. */
const LICENSE_FIELD = /^License:[ \t]*(\S[^\r\n]*)/gm;
/**
 * `/usr/share/common-licenses/GPL-2`, as free-form files point to the text they are under; the
 * name ends on a letter, digit or `+`, so the full stop of `.../GPL-2.` is not part of it.
 */
const COMMON_LICENSE = /\/usr\/share\/common-licenses\/([0-9A-Za-z_.+-]*[0-9A-Za-z+])/g;

/**
 * The licences a copyright file declares, each an SPDX expression where Debian's name maps to
 * one and otherwise the name as written, in order of first appearance, without duplicates.
 * A machine-readable (DEP-5) file is read from its `License:` fields alone: its pointers to
 * `/usr/share/common-licenses` only repeat them, and would add `GPL-2.0-only` beside a
 * declared `GPL-2+`. A free-form file has no fields, so its pointers are all there is.
 * https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
 */
export function readCopyrightLicenses(text: string): string[] {
  const fields = [...text.matchAll(LICENSE_FIELD)].map((m) => m[1].trim());
  if (fields.length > 0) return distinct(fields.map((f) => debianToSpdx(f) ?? f));
  // TODO: a free-form file's pointer names the licence text, not whether "any later version"
  // was granted, so `GPL-2` becomes GPL-2.0-only (as Syft and Trivy read it) even where the
  // prose says "or later"; reading the grant from the prose would need a licence classifier.
  const pointers = [...text.matchAll(COMMON_LICENSE)].map((m) => m[1]);
  return distinct(pointers.map((p) => spdxIdOf(p) ?? p));
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}
