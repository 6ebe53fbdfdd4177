// The subpath alone: the package root loads every module, its validators among them, on each scan.
import * as SPDX from "@cyclonedx/cyclonedx-library/SPDX";

/**
 * Debian short names that are not SPDX ids under any spelling, with the SPDX id of the text
 * Debian means by them. `Artistic` is the Perl flavour: it is the text Debian ships in
 * `/usr/share/common-licenses/Artistic` (clause 8 on aggregation included).
 * https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/#license-short-name
 */
const DEBIAN_NAMES: Record<string, string> = {
  expat: "MIT",
  artistic: "Artistic-1.0-Perl",
  perl: "Artistic-1.0-Perl OR GPL-1.0-or-later",
  cc0: "CC0-1.0",
};

/**
 * Exceptions as Debian names them after `with` (`GPL-3+ with Bison exception`), by the SPDX id
 * of the same text. Debian's `Autoconf-data` and `OpenSSL` exceptions have no SPDX id of the
 * same wording, so they stay unmapped and the licence keeps its Debian name.
 */
const DEBIAN_EXCEPTIONS: Record<string, (gnuMajor: string | undefined) => string | undefined> = {
  autoconf: (major) =>
    major === "2" || major === "3" ? `Autoconf-exception-${major}.0` : undefined,
  bison: () => "Bison-exception-2.2",
  libtool: () => "Libtool-exception",
  texinfo: () => "Texinfo-exception",
  "linux-syscall-note": () => "Linux-syscall-note",
  classpath: () => "Classpath-exception-2.0",
  "gcc-3.1": () => "GCC-exception-3.1",
  font: () => "Font-exception-2.0",
};

/** `GPL-2+`, `GPLv3+`, `LGPL-2.1`, `AGPL-3.0`, `GPL-2.0+`: the GNU family and its `+`. */
const GNU = /^(A|L)?GPL[-v ]?(\d)(?:\.(\d))?(\+)?$/i;
/** `GFDL-1.3`, `GFDL-NIV-1.3+`: the documentation licence, with no invariant sections or not. */
const GFDL = /^GFDL(-NIV)?[-v ]?(\d\.\d)(\+)?$/i;
/** `OpenLDAP-2.8`: the OpenLDAP Public License, which SPDX spells `OLDAP-2.8`. */
const OPENLDAP = /^OpenLDAP-(\d\.\d)$/i;

/**
 * The SPDX expression of one DEP-5 `License:` short name (`GPL-2+ or Artistic`,
 * `GPL-3+ with Bison exception`), or undefined when some licence in it has no SPDX id, in
 * which case the caller keeps the name as Debian wrote it rather than lose part of it.
 * Commas separate the loosest groups (`A or B, and C` is `(A OR B) AND C`); without them SPDX
 * and Debian agree that `and` binds tighter than `or`.
 */
export function debianToSpdx(shortName: string): string | undefined {
  const groups = shortName.split(/,\s*(?=(?:and|or)\s)/i);
  if (groups.length === 1) return expressionOf(shortName);
  const first = expressionOf(groups[0]);
  if (first === undefined) return undefined;
  let out = grouped(first);
  for (const group of groups.slice(1)) {
    const [, op, rest] = /^(and|or)\s+(.*)$/is.exec(group) ?? [];
    const expression = rest === undefined ? undefined : expressionOf(rest);
    if (op === undefined || expression === undefined) return undefined;
    out += ` ${op.toUpperCase()} ${grouped(expression)}`;
  }
  return out;
}

/** An expression in parentheses, unless it is a single licence. */
function grouped(expression: string): string {
  return expression.includes(" ") ? `(${expression})` : expression;
}

/** An expression without commas: terms joined by `and` / `or`. */
function expressionOf(text: string): string | undefined {
  const parts = text.trim().split(/\s+(and|or)\s+/i);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      out.push(parts[i].toUpperCase());
      continue;
    }
    const term = termOf(parts[i]);
    if (term === undefined) return undefined;
    out.push(parts.length > 1 && term.includes(" OR ") ? `(${term})` : term);
  }
  return out.join(" ");
}

/** One licence, with its exception: `GPL-2+ with Libtool exception`. */
function termOf(text: string): string | undefined {
  const [, licence, exception] = /^(.+?)\s+with\s+(.+?)(?:\s+exception)?$/i.exec(text) ?? [];
  if (licence === undefined || exception === undefined) return spdxIdOf(text);
  const id = spdxIdOf(licence);
  const major = GNU.exec(licence.trim())?.[2];
  const exceptionId = DEBIAN_EXCEPTIONS[exception.trim().toLowerCase()]?.(major);
  return id === undefined || exceptionId === undefined ? undefined : `${id} WITH ${exceptionId}`;
}

/**
 * The SPDX id of one Debian licence name (`GPL-2+`, `Expat`, `BSD-3-clause`, `Apache-2`,
 * `zlib`), or undefined when SPDX has none (`public-domain`, `permissive`, a bare `GPL`).
 * Debian's `+` is "or any later version", which SPDX spells `-or-later` for the GNU family.
 */
export function spdxIdOf(name: string): string | undefined {
  const text = name.trim();
  const debian = DEBIAN_NAMES[text.toLowerCase()];
  if (debian !== undefined) return debian;
  const gnu = GNU.exec(text);
  if (gnu) {
    const [, prefix = "", major, minor = "0", plus] = gnu;
    return knownId(`${prefix.toUpperCase()}GPL-${major}.${minor}-${plus ? "or-later" : "only"}`);
  }
  const gfdl = GFDL.exec(text);
  if (gfdl) {
    const [, niv, version, plus] = gfdl;
    const invariants = niv ? "-no-invariants" : "";
    return knownId(`GFDL-${version}${invariants}-${plus ? "or-later" : "only"}`);
  }
  const ldap = OPENLDAP.exec(text);
  if (ldap) return knownId(`OLDAP-${ldap[1]}`);
  return genericId(text);
}

/**
 * Any other SPDX id, matched without regard to case (`zlib`, `BSD-3-clause`), with a version
 * missing its `.0` completed (`Apache-2`, `MPL-2`); a trailing `+` stays SPDX's own operator.
 */
function genericId(text: string): string | undefined {
  const plus = text.endsWith("+") ? "+" : "";
  const base = plus ? text.slice(0, -1) : text;
  const id = SPDX.fixupSpdxId(base) ?? (/-\d+$/.test(base) ? knownId(`${base}.0`) : undefined);
  return id === undefined ? undefined : `${id}${plus}`;
}

function knownId(id: string): string | undefined {
  return SPDX.fixupSpdxId(id);
}
