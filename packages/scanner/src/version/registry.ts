import { LadingError } from "../errors.js";
import { apk } from "./apk/apk.js";
import { composer } from "./composer/composer.js";
import { dpkg } from "./dpkg/dpkg.js";
import { go } from "./go/go.js";
import { maven } from "./maven/maven.js";
import { nuget } from "./nuget/nuget.js";
import { pep440 } from "./pep440/pep440.js";
import { rpm } from "./rpm/rpm.js";
import { rubygems } from "./rubygems/rubygems.js";
import { semver } from "./semver/semver.js";
import type { VersionScheme } from "./types.js";

/** Every version scheme, one per folder under `version/`. */
export const versionSchemes: readonly VersionScheme[] = [
  apk,
  composer,
  dpkg,
  go,
  maven,
  nuget,
  pep440,
  rpm,
  rubygems,
  semver,
];

/** Finds a scheme by id; an unknown id is an error that lists the known ones. */
export function findVersionScheme(id: string): VersionScheme {
  const scheme = versionSchemes.find((s) => s.id === id);
  if (!scheme) {
    const known = versionSchemes.map((s) => s.id).join(", ");
    throw new LadingError(`unknown version scheme "${id}"; known: ${known}`);
  }
  return scheme;
}
