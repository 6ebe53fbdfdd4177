import type { Location } from "../../types.js";
import { parseSpdxActor } from "../shared/contact.js";
import { purlTypeForToolType } from "../shared/ecosystems.js";
import type { PackageDraft } from "../shared/package-builder.js";
import type { LicenseResolver } from "./licenses.js";

type Json = Record<string, unknown>;

/** One SPDX package as a draft package; `pointer` is its place in the document. */
export function toSpdxDraft(pkg: Json, pointer: string, licenses: LicenseResolver): PackageDraft {
  const notes = trivyNotes(pkg);
  const origin = originOf(pkg.sourceInfo, notes);
  const licenseList = licenses.licensesOf(pkg);
  const draft: PackageDraft = {
    name: String(pkg.name),
    version: typeof pkg.versionInfo === "string" ? pkg.versionInfo : "",
    pointer,
    purl: purlOf(pkg),
    toolType: notes.PkgType ?? toolTypeFromId(String(pkg.SPDXID)),
    maintainer: parseSpdxActor(pkg.supplier) ?? parseSpdxActor(pkg.originator),
    description: stringOrUndefined(pkg.description) ?? stringOrUndefined(pkg.summary),
    ...(licenseList.length > 0 ? { licenses: licenseList } : {}),
    ...origin,
  };
  return Object.fromEntries(
    Object.entries(draft).filter(([, v]) => v !== undefined),
  ) as PackageDraft;
}

/** The package's purl from its PACKAGE-MANAGER external reference, if any. */
// SPDX 2.3 spells the category PACKAGE-MANAGER; 2.2 documents (syft's among them) PACKAGE_MANAGER.
export function purlOf(pkg: Json): string | undefined {
  const refs = Array.isArray(pkg.externalRefs) ? (pkg.externalRefs as Json[]) : [];
  const ref = refs.find(
    (r) => /^PACKAGE[-_]MANAGER$/.test(String(r.referenceCategory)) && r.referenceType === "purl",
  );
  return typeof ref?.referenceLocator === "string" ? ref.referenceLocator : undefined;
}

// syft and Lading name packages `SPDXRef-Package-<type>-<name>-<hash>`.
function toolTypeFromId(id: string): string | undefined {
  const rest = /^SPDXRef-Package-(.+)$/.exec(id)?.[1] ?? "";
  const parts = rest.split("-");
  for (const length of [2, 1]) {
    const candidate = parts.slice(0, length).join("-");
    if (parts.length > length && purlTypeForToolType(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Trivy writes `Key: value` facts as package annotations (older releases as
 * `attributionTexts`): `PkgType: npm`, `LayerDiffID: sha256:...`, `FilePath: app/x.jar`.
 */
function trivyNotes(pkg: Json): Record<string, string> {
  const annotations = Array.isArray(pkg.annotations) ? (pkg.annotations as Json[]) : [];
  const texts = [
    ...annotations.map((a) => a.comment),
    ...(Array.isArray(pkg.attributionTexts) ? pkg.attributionTexts : []),
  ];
  const pairs = texts.flatMap((t) => {
    const match = typeof t === "string" ? /^(\w+): (.+)$/s.exec(t) : null;
    return match ? [[match[1], match[2]]] : [];
  });
  return Object.fromEntries(pairs);
}

/**
 * Layer, locations and cataloger. Lading's sourceInfo reads `acquired package info from dpkg
 * cataloger; brought by layer sha256:...; found at: /a (layer sha256:...), /b`; syft's
 * `acquired package info from <what>: /a, /b`; Trivy's annotations give layer and file path.
 */
function originOf(sourceInfo: unknown, notes: Record<string, string>): Partial<PackageDraft> {
  const text = typeof sourceInfo === "string" ? sourceInfo : "";
  const foundBy = /^acquired package info from (\S+) cataloger;/.exec(text)?.[1];
  const layer = /brought by layer (\S+?);/.exec(text)?.[1] ?? notes.LayerDiffID;
  const paths =
    /found at: (.*)$/s.exec(text)?.[1] ??
    /^acquired package info from [^:]*: (\/.*)$/s.exec(text)?.[1];
  const locations = paths ? parseLocations(paths) : [];
  if (notes.FilePath) locations.push(absolute(notes.FilePath, notes.LayerDiffID));
  return { ...(foundBy ? { foundBy } : {}), ...(layer ? { layer } : {}), locations };
}

function parseLocations(list: string): Location[] {
  return list.split(", ").map((entry) => {
    const match = /^(.*) \(layer (\S+)\)$/.exec(entry);
    return match ? absolute(match[1], match[2]) : absolute(entry, undefined);
  });
}

function absolute(path: string, layer: string | undefined): Location {
  const full = path.startsWith("/") ? path : `/${path}`;
  return layer ? { path: full, layer } : { path: full };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
