import { isOsOwned } from "../catalog/os-owned.js";
import type { Distro, Package } from "../types.js";
import { findVersionScheme } from "../version/registry.js";
import type { VersionScheme } from "../version/types.js";

/** Where to look a package up: the feed ecosystems to try, and the name and version they speak of. */
export interface Lookup {
  ecosystems: string[];
  name: string;
  version: string;
  scheme: VersionScheme;
}

/** Either a lookup or the reason there is none. */
export type LookupOutcome = { lookup: Lookup } | { skip: string };

/** Language registries: purl type → OSV ecosystem and version scheme. */
const LANGUAGE: Record<string, [ecosystem: string, scheme: string]> = {
  npm: ["npm", "semver"],
  pypi: ["PyPI", "pep440"],
  maven: ["Maven", "maven"],
  golang: ["Go", "go"],
  cargo: ["crates.io", "semver"],
  gem: ["RubyGems", "rubygems"],
  composer: ["Packagist", "composer"],
  nuget: ["NuGet", "nuget"],
};

/** RPM distros by os-release id → OSV ecosystem prefix (followed by the major release). */
const RPM_DISTROS: Record<string, string> = {
  almalinux: "AlmaLinux",
  rocky: "Rocky Linux",
  mariner: "Mariner",
  azurelinux: "Azure Linux",
};

/**
 * Decides how a package is looked up. OS packages go by their distro release and by the
 * name and version the distro's feed uses: Debian and Alpine feeds speak of source packages,
 * osv.dev's RPM distros of binary rpms. Language packages go by their registry, unless an OS
 * package installed them: those are checked through the distro's data alone, which knows the
 * distro's backported fixes.
 */
export function lookupFor(pkg: Package, distro: Distro | undefined): LookupOutcome {
  if (isOsOwned(pkg))
    return {
      skip: `installed by OS package ${pkg.metadata?.ownedBy}; checked through the distro's data`,
    };
  if (pkg.type === "deb") return debLookup(pkg, distro);
  if (pkg.type === "apk") return apkLookup(pkg, distro);
  if (pkg.type === "rpm") return rpmLookup(pkg, distro);
  const language = LANGUAGE[pkg.type];
  if (!language) return { skip: `no vulnerability data for package type ${pkg.type}` };
  return languageLookup(pkg, language[0], findVersionScheme(language[1]));
}

function languageLookup(pkg: Package, ecosystem: string, scheme: VersionScheme): LookupOutcome {
  let version = pkg.version;
  // The Go toolchain's own modules: OSV writes `stdlib` versions as 1.21.9, go.mod says go1.21.
  if (ecosystem === "Go" && (pkg.name === "stdlib" || pkg.name === "toolchain"))
    version = toolchainVersion(version);
  if (version === "(devel)")
    return { skip: "Go main module built from a work tree: (devel) names no version" };
  if (!scheme.isValid(version))
    return { skip: `version ${JSON.stringify(pkg.version)} is not a valid ${scheme.id} version` };
  return {
    lookup: { ecosystems: [ecosystem], name: languageName(pkg, ecosystem), version, scheme },
  };
}

function toolchainVersion(version: string): string {
  const bare = version.replace(/^go/, "");
  return /^\d+\.\d+$/.test(bare) ? `${bare}.0` : bare;
}

/** Maven is `group:artifact` in OSV; the purl keeps the group in the namespace. */
function languageName(pkg: Package, ecosystem: string): string {
  if (ecosystem !== "Maven" || pkg.name.includes(":")) return pkg.name;
  const group = /^pkg:maven\/([^/]+)\//.exec(pkg.purl)?.[1];
  return group ? `${decodeURIComponent(group)}:${pkg.name}` : pkg.name;
}

function debLookup(pkg: Package, distro: Distro | undefined): LookupOutcome {
  const release = distro?.versionId;
  if (distro?.id === "debian" && release) {
    const major = release.split(".")[0];
    return osLookup(pkg, [`Debian:${major}`], sourceVersion(pkg), "dpkg");
  }
  if (distro?.id === "ubuntu" && release)
    return osLookup(
      pkg,
      [`Ubuntu:${release}`, `Ubuntu:${release}:LTS`],
      sourceVersion(pkg),
      "dpkg",
    );
  return { skip: `no vulnerability data for deb packages of ${describe(distro)}` };
}

/**
 * The source version Debian's feeds speak of. A binNMU (`+bN`) rebuilds the same source
 * without changing it, so the suffix is dropped when the binary's version is all we have.
 */
function sourceVersion(pkg: Package): string {
  return pkg.source?.version ?? pkg.version.replace(/\+b\d+$/, "");
}

function apkLookup(pkg: Package, distro: Distro | undefined): LookupOutcome {
  const branch = /^(\d+)\.(\d+)/.exec(distro?.versionId ?? "");
  if (distro?.id !== "alpine" || !branch)
    return { skip: `no vulnerability data for apk packages of ${describe(distro)}` };
  // An origin's packages share its version, so the binary's version is the origin's.
  return osLookup(pkg, [`Alpine:v${branch[1]}.${branch[2]}`], pkg.version, "apk");
}

function rpmLookup(pkg: Package, distro: Distro | undefined): LookupOutcome {
  const prefix = RPM_DISTROS[distro?.id ?? ""];
  const major = distro?.versionId?.split(".")[0];
  if (!prefix || !major)
    return { skip: `no vulnerability data for rpm packages of ${describe(distro)}` };
  // The rpm cataloger (and syft) already write `epoch:version-release`; others give the epoch
  // apart, and it must not be added twice.
  const epoch = pkg.epoch && !/^\d+:/.test(pkg.version) ? `${pkg.epoch}:` : "";
  const ecosystem =
    prefix === "Mariner" || prefix === "Azure Linux"
      ? `${prefix}:${distro?.versionId}`
      : `${prefix}:${major}`;
  // osv.dev's RPM distro records name binary rpms, so the binary name is looked up here.
  return osLookup({ ...pkg, source: undefined }, [ecosystem], `${epoch}${pkg.version}`, "rpm");
}

function osLookup(
  pkg: Package,
  ecosystems: string[],
  version: string,
  schemeId: string,
): LookupOutcome {
  const scheme = findVersionScheme(schemeId);
  if (!scheme.isValid(version))
    return { skip: `version ${JSON.stringify(version)} is not a valid ${schemeId} version` };
  return { lookup: { ecosystems, name: pkg.source?.name ?? pkg.name, version, scheme } };
}

function describe(distro: Distro | undefined): string {
  return distro ? `${distro.id} ${distro.versionId ?? "(no version)"}` : "an unknown distro";
}
