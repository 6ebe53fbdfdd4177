import { XMLParser } from "fast-xml-parser";
import type { NugetEntry } from "./package.js";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  processEntities: false,
  isArray: (name) => name === "package",
});

/**
 * Parses the legacy `packages.config`: `<package id version targetFramework
 * developmentDependency>` elements; one without an id or a version is skipped.
 * https://learn.microsoft.com/en-us/nuget/reference/packages-config
 */
export function parsePackagesConfig(text: string): NugetEntry[] {
  const doc = parser.parse(text) as { packages?: { package?: Record<string, string>[] } | string };
  if (doc.packages === undefined) throw new Error("no <packages> element");
  const packages = typeof doc.packages === "object" ? (doc.packages.package ?? []) : [];
  return packages.flatMap((p) => {
    if (!p.id || !p.version) return [];
    const dev = p.developmentDependency === "true";
    return [
      { name: p.id, version: p.version, dev, metadata: { targetFramework: p.targetFramework } },
    ];
  });
}
