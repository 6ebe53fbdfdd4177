import type { FoundHow, Location, Package } from "../../types.js";
import type { BuildInfo, Module } from "./modinfo.js";
import { golangPurl } from "./purl.js";

/** Name the Go cataloger records on every package it finds. */
export const GO_CATALOGER = "go";

/** The version Go gives a main module built from a work tree rather than a tagged module. */
export const DEVEL_VERSION = "(devel)";

interface GoPackageInput {
  path: string;
  version: string;
  foundHow: FoundHow;
  location: Location;
  metadata?: Record<string, unknown>;
}

/**
 * Builds a Go module package. A module without a real version (`(devel)`, a local replacement)
 * keeps what was recorded but is flagged `unversioned`, and its purl carries no version, so a
 * matcher never compares it against advisories.
 */
export function goPackage(input: GoPackageInput): Package {
  const unversioned = input.version === "" || input.version === DEVEL_VERSION;
  return {
    name: input.path,
    version: input.version,
    type: "golang",
    purl: golangPurl(input.path, unversioned ? undefined : input.version),
    foundBy: GO_CATALOGER,
    foundHow: input.foundHow,
    locations: [input.location],
    layer: input.location.layer,
    metadata: { ...input.metadata, ...(unversioned ? { unversioned: true } : {}) },
  };
}

/** Packages of one Go binary: its main module, every dependency linked in, and the toolchain. */
export function binaryPackages(info: BuildInfo, location: Location): Package[] {
  const shared = { goVersion: info.goVersion };
  const deps = info.deps.map((dep) => depPackage(dep, location, shared));
  const packages = [...deps];
  if (info.main?.path) {
    const metadata = { ...shared, mainModule: true, mainPackage: info.path, h1: info.main.sum };
    const dependsOn = deps.map((d) => d.name);
    packages.unshift(
      goPackage({
        ...info.main,
        foundHow: "binary",
        location,
        metadata: { ...metadata, settings: info.settings, dependsOn },
      }),
    );
  }
  const stdlib = stdlibPackage(info.goVersion, location);
  if (stdlib) packages.push(stdlib);
  return packages;
}

/** A replaced dependency is reported as what was compiled in: the replacement. */
function depPackage(dep: Module, location: Location, shared: Record<string, unknown>): Package {
  const used = dep.replace ?? dep;
  const local = dep.replace !== undefined && dep.replace.version === "";
  const metadata = {
    ...shared,
    h1: used.sum,
    ...(dep.replace ? { replaces: { path: dep.path, version: dep.version } } : {}),
    ...(local ? { localReplacement: dep.replace?.path } : {}),
  };
  const path = local ? dep.path : used.path;
  const version = local ? DEVEL_VERSION : used.version;
  return goPackage({ path, version, foundHow: "binary", location, metadata });
}

/** The Go toolchain a binary was built with, as module `stdlib` (`go1.21.5`, experiments cut). */
function stdlibPackage(goVersion: string, location: Location): Package | undefined {
  const version = goVersion.split(/\s+/)[0] ?? "";
  if (!/^go1(\.\d+)*/.test(version)) return undefined;
  return goPackage({
    path: "stdlib",
    version,
    foundHow: "binary",
    location,
    metadata: { goVersion },
  });
}
