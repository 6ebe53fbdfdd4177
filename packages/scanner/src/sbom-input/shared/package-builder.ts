import type { Distro, FoundHow, Package, Unknown } from "../../types.js";
import { purlTypeForToolType } from "./ecosystems.js";
import { buildPurl, genericPurl, parsePurl } from "./purl.js";

/** A package as a reader found it, before its purl and type are settled. */
export interface PackageDraft extends Partial<Omit<Package, "name" | "version">> {
  name: string;
  version: string;
  /** JSON pointer of the element in the document, for unknowns. */
  pointer: string;
  /** The producing tool's own package type (syft `apk`, Trivy `node-pkg`), when given. */
  toolType?: string;
  /** CycloneDX `group`: Maven group id, npm scope. */
  group?: string;
}

/** What every package of one document shares. */
export interface DraftContext {
  readerId: string;
  distro?: Distro;
  unknowns: Unknown[];
}

/**
 * Settles purl, type, arch and epoch of a draft. A purl the SBOM gives is kept as written; one
 * that does not parse, or a missing one, is rebuilt from the tool's package type where that
 * names an ecosystem, and otherwise the package is kept as `pkg:generic` and an unknown says
 * so, because a generic purl matches no advisory.
 */
export function finishPackage(draft: PackageDraft, context: DraftContext): Package {
  const { pointer, toolType, group, ...fields } = draft;
  const purl = settlePurl(draft, context);
  const parsed = parsePurl(purl);
  const qualifiers = parsed?.qualifiers ?? {};
  const epoch = Number(qualifiers.epoch);
  const source = fields.source ?? sourceFromUpstream(parsed?.type, qualifiers.upstream);
  return {
    ...fields,
    ...(source ? { source } : {}),
    type: parsed?.type ?? "generic",
    purl,
    foundBy: fields.foundBy ?? context.readerId,
    foundHow: fields.foundHow ?? "installed",
    locations: fields.locations ?? [],
    ...((fields.arch ?? qualifiers.arch) ? { arch: fields.arch ?? qualifiers.arch } : {}),
    ...(Number.isInteger(epoch) && epoch > 0 ? { epoch } : {}),
  };
}

/**
 * The source package a deb or apk purl names in its `upstream` qualifier (`openssl`, or
 * `glibc@2.36-9+deb12u4` when the versions differ), as Lading, syft and Trivy write it. An SBOM
 * without Lading's or Trivy's source properties (syft's SPDX, any SPDX) still says which source
 * package a binary came from this way, and distro advisories are written against source packages.
 */
function sourceFromUpstream(
  type: string | undefined,
  upstream: string | undefined,
): Package["source"] | undefined {
  if ((type !== "deb" && type !== "apk") || !upstream) return undefined;
  const at = upstream.indexOf("@");
  if (at < 0) return { name: upstream };
  return { name: upstream.slice(0, at), version: upstream.slice(at + 1) };
}

function settlePurl(draft: PackageDraft, context: DraftContext): string {
  if (draft.purl && parsePurl(draft.purl)) return draft.purl;
  const note = (reason: string) =>
    context.unknowns.push({ path: draft.pointer, cataloger: context.readerId, reason });
  if (draft.purl) note(`purl "${draft.purl}" does not parse; purl rebuilt from name and version`);
  const purlType = purlTypeForToolType(draft.toolType);
  const built =
    purlType && buildPurl({ purlType, ...draft, namespace: draft.group }, context.distro);
  if (built) return built;
  note(`${draft.name}@${draft.version}: no purl and no ecosystem hint; kept as pkg:generic`);
  return genericPurl(draft.name, draft.version);
}

/** Whether a string is one of Lading's `FoundHow` values. */
export function isFoundHow(value: string | undefined): value is FoundHow {
  return ["installed", "lockfile", "manifest", "binary", "archive"].includes(value ?? "");
}
