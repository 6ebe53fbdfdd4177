import type { FoundHow, Location, Package } from "../../types.js";
import { formatPurl } from "../purl.js";

/** Name the .NET cataloger records on every package it finds. */
export const DOTNET_CATALOGER = "dotnet";

/** One NuGet package (or project) a .NET file names. */
export interface NugetEntry {
  name: string;
  version: string;
  dependsOn?: string[];
  dev?: boolean;
  metadata?: Record<string, unknown>;
}

/** Builds a NuGet package with its purl (`pkg:nuget/Name@version`). */
export function nugetPackage(entry: NugetEntry, foundHow: FoundHow, location: Location): Package {
  return {
    name: entry.name,
    version: entry.version,
    type: "nuget",
    purl: formatPurl({ type: "nuget", name: entry.name, version: entry.version }),
    foundBy: DOTNET_CATALOGER,
    foundHow,
    locations: [location],
    layer: location.layer,
    ...(entry.dev ? { dev: true } : {}),
    metadata: { ...entry.metadata, ...(entry.dependsOn ? { dependsOn: entry.dependsOn } : {}) },
  };
}
