import { findVersionScheme } from "../version/registry.js";
import type { Comparison, VersionScheme } from "../version/types.js";

/** purl type → the version scheme its ecosystem orders versions by. */
const SCHEME_BY_TYPE: Record<string, string> = {
  deb: "dpkg",
  rpm: "rpm",
  apk: "apk",
  npm: "semver",
  pypi: "pep440",
  maven: "maven",
  golang: "go",
  gem: "rubygems",
  nuget: "nuget",
  composer: "composer",
  cargo: "semver",
};

/** The version scheme of a purl type, or `undefined` when Lading knows none for it. */
export function schemeForType(type: string): VersionScheme | undefined {
  const id = SCHEME_BY_TYPE[type];
  return id ? findVersionScheme(id) : undefined;
}

/** The outcome of ordering two versions: a sign, or why there is none. */
export type Ordering = { order: Comparison; scheme: string } | { reason: string; scheme?: string };

/**
 * Orders two versions of one package by its ecosystem's scheme. A version the scheme cannot
 * read, or a type without a scheme, yields a reason instead of a guess.
 */
export function orderVersions(type: string, a: string, b: string): Ordering {
  const scheme = schemeForType(type);
  if (!scheme) return { reason: `no version scheme for package type ${type}` };
  for (const version of [a, b])
    if (!scheme.isValid(version))
      return {
        reason: `${JSON.stringify(version)} is not a ${scheme.id} version`,
        scheme: scheme.id,
      };
  return { order: scheme.compare(a, b), scheme: scheme.id };
}
