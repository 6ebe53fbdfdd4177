import type { Distro, ImageMetadata, SourceInfo } from "../../types.js";

type Json = Record<string, unknown>;

/** The ids the document DESCRIBES, from `documentDescribes` and relationships both ways. */
export function describedIds(document: Json): Set<string> {
  const ids = new Set<string>();
  const listed = Array.isArray(document.documentDescribes) ? document.documentDescribes : [];
  for (const id of listed) ids.add(String(id));
  for (const r of relationshipsOf(document)) {
    if (r.relationshipType === "DESCRIBES" && r.spdxElementId === document.SPDXID) {
      ids.add(String(r.relatedSpdxElement));
    }
    if (r.relationshipType === "DESCRIBED_BY" && r.relatedSpdxElement === document.SPDXID) {
      ids.add(String(r.spdxElementId));
    }
  }
  return ids;
}

/** The document's relationships, or none. */
export function relationshipsOf(document: Json): Json[] {
  return Array.isArray(document.relationships) ? (document.relationships as Json[]) : [];
}

/**
 * Whether a described package stands for what was scanned rather than for a package in it:
 * a container, file or directory root (Lading and syft name these `SPDXRef-DocumentRoot-*`).
 */
export function isSubjectPackage(pkg: Json): boolean {
  const purpose = String(pkg.primaryPackagePurpose ?? "");
  return (
    ["CONTAINER", "FILE"].includes(purpose) ||
    String(pkg.SPDXID).startsWith("SPDXRef-DocumentRoot-")
  );
}

/** Whether a package is the operating system (2.3 `primaryPackagePurpose`). */
export function isOperatingSystem(pkg: Json): boolean {
  return (
    pkg.primaryPackagePurpose === "OPERATING-SYSTEM" ||
    pkg.primaryPackagePurpose === "OPERATING_SYSTEM"
  );
}

/** The distribution an OS package describes: name is the os-release ID, version VERSION_ID. */
export function toDistro(pkg: Json): Distro {
  const versionId = typeof pkg.versionInfo === "string" ? pkg.versionInfo : undefined;
  const prettyName = typeof pkg.description === "string" ? pkg.description : undefined;
  return {
    id: String(pkg.name).toLowerCase(),
    ...(versionId ? { versionId } : {}),
    ...(prettyName ? { prettyName } : {}),
  };
}

/** Lading's root comment `scanned as KIND:TARGET`, else an SBOM named as the document is. */
export function sourceOf(root: Json | undefined, document: Json): SourceInfo {
  const comment = typeof root?.comment === "string" ? root.comment : "";
  const match = /^scanned as ([a-z0-9-]+):(.+)$/s.exec(comment);
  if (match) return { kind: match[1], target: match[2] };
  return { kind: "sbom", target: String(root?.name ?? document.name) };
}

/**
 * The image a container root describes: its name as repo tag, its config digest from a
 * `sha256:` version or SHA256 checksum (empty when the document states neither). SPDX has no
 * place for layers, labels or platform, so those stay empty.
 */
export function toImage(root: Json | undefined): ImageMetadata | undefined {
  const isImage =
    root?.primaryPackagePurpose === "CONTAINER" ||
    String(root?.SPDXID).startsWith("SPDXRef-DocumentRoot-Image-");
  if (!root || !isImage) return undefined;
  const name = String(root.name);
  return {
    configDigest: digestOf(root),
    repoTags: /:[^/]+$/.test(name) ? [name] : [],
    repoDigests: [],
    labels: {},
    layers: [],
    history: [],
  };
}

function digestOf(root: Json): string {
  const version = typeof root.versionInfo === "string" ? root.versionInfo : "";
  if (/^sha256:[0-9a-f]{64}$/.test(version)) return version;
  const checksums = Array.isArray(root.checksums) ? (root.checksums as Json[]) : [];
  const sha = checksums.find((c) => c.algorithm === "SHA256")?.checksumValue;
  return typeof sha === "string" ? `sha256:${sha}` : "";
}
