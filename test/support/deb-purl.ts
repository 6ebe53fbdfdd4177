/**
 * The package URL a Debian package must have, written out from the purl spec rather than by
 * the code under test: https://github.com/package-url/purl-spec (deb type, ECMA-427 encoding).
 */
import type { ExpectedPackage } from "./test-images.js";

/** A purl split into the part before its qualifiers and its decoded qualifiers, in order. */
export interface SplitPurl {
  base: string;
  qualifiers: [string, string][];
}

/**
 * Percent-encodes a purl component: every character but the unreserved ones and `:`, which
 * the spec leaves bare. `+` in Debian versions (`2.36-9+deb12u4`) becomes `%2B`.
 */
export function encodeComponent(value: string): string {
  return encodeURIComponent(value).replaceAll("%3A", ":");
}

/**
 * What the purl of an installed Debian package must be: `pkg:deb/debian/NAME@VERSION`, then
 * the qualifiers sorted by key: `arch`, `distro=debian-12`, and `upstream` naming the source
 * package (with its version when that differs from the binary's) when the source is not the
 * package itself.
 */
export function expectedDebPurl(pkg: ExpectedPackage, distro: string): SplitPurl {
  const base = `pkg:deb/debian/${encodeComponent(pkg.name)}@${encodeComponent(pkg.version)}`;
  const qualifiers: [string, string][] = [
    ["arch", pkg.arch],
    ["distro", distro],
  ];
  const upstream = upstreamOf(pkg);
  if (upstream !== undefined) qualifiers.push(["upstream", upstream]);
  return { base, qualifiers };
}

/** Splits a purl at `?` and decodes its qualifiers, keeping their order. */
export function splitPurl(purl: string): SplitPurl {
  const question = purl.indexOf("?");
  if (question < 0) return { base: purl, qualifiers: [] };
  const qualifiers = purl
    .slice(question + 1)
    .split("&")
    .map((pair): [string, string] => {
      const eq = pair.indexOf("=");
      return [pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1))];
    });
  return { base: purl.slice(0, question), qualifiers };
}

function upstreamOf(pkg: ExpectedPackage): string | undefined {
  if (pkg.sourceVersion !== pkg.version) return `${pkg.sourceName}@${pkg.sourceVersion}`;
  if (pkg.sourceName !== pkg.name) return pkg.sourceName;
  return undefined;
}
