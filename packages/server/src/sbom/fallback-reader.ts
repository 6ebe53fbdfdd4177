/**
 * A minimal reader used only while the scanner library has no SBOM reader of its own: it keeps
 * each component's name, version and purl and nothing else.
 * TODO: relationships, licences, layer locations and image metadata are dropped here, so
 * snapshots read by this fallback show no layers, labels or OS; the scanner's `readSbom`
 * replaces it as soon as the library exports one (see scanner-port.ts).
 */
import type { Package, ScanResult } from "@lading/scanner";
import { UnsupportedSbomError } from "../errors.js";
import { detectSbom } from "./detect.js";
import type { SbomReader } from "./types.js";

type Json = Record<string, unknown>;

function read(_text: string, document: unknown) {
  const kind = detectSbom(document);
  const doc = document as Json;
  const packages = kind.format === "cyclonedx" ? cyclonedxPackages(doc) : spdxPackages(doc);
  const result: ScanResult = {
    source: { kind: `${kind.format}-upload`, target: documentName(doc) },
    packages,
    unknowns: [],
    timings: {},
  };
  return { ...kind, result };
}

function cyclonedxPackages(doc: Json): Package[] {
  const out: Package[] = [];
  const walk = (list: unknown) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new UnsupportedSbomError("components is not an array");
    for (const c of list as Json[]) {
      if (typeof c?.name !== "string") throw new UnsupportedSbomError("a component has no name");
      out.push(toPackage(c.name, c.version, c.purl, "cyclonedx"));
      walk(c.components);
    }
  };
  walk(doc.components);
  return out;
}

function spdxPackages(doc: Json): Package[] {
  if (doc.packages !== undefined && !Array.isArray(doc.packages))
    throw new UnsupportedSbomError("packages is not an array");
  const described = new Set((doc.documentDescribes as string[] | undefined) ?? []);
  return ((doc.packages as Json[] | undefined) ?? [])
    .filter((p) => !described.has(String(p.SPDXID)))
    .map((p) => {
      if (typeof p?.name !== "string") throw new UnsupportedSbomError("a package has no name");
      const refs = (p.externalRefs as Json[] | undefined) ?? [];
      const purl = refs.find((r) => r.referenceType === "purl")?.referenceLocator;
      return toPackage(p.name, p.versionInfo, purl, "spdx");
    });
}

function toPackage(name: string, version: unknown, purl: unknown, foundBy: string): Package {
  const v = typeof version === "string" ? version : "";
  const p = typeof purl === "string" && purl.startsWith("pkg:") ? purl : undefined;
  const type = p ? p.slice(4, p.indexOf("/")) : "generic";
  const fallback = `pkg:generic/${encodeURIComponent(name)}${v ? `@${encodeURIComponent(v)}` : ""}`;
  return {
    name,
    version: v,
    type,
    purl: p ?? fallback,
    foundBy,
    foundHow: "manifest",
    locations: [],
  };
}

function documentName(doc: Json): string {
  const meta = doc.metadata as Json | undefined;
  const component = meta?.component as Json | undefined;
  return String(component?.name ?? doc.name ?? "uploaded SBOM");
}

/** The stop-gap reader; see the module comment for what it leaves out. */
export const fallbackReader = { read } satisfies SbomReader;
