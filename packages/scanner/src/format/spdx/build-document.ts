import { randomUUID } from "node:crypto";
import type { ScanResult, Unknown } from "../../types.js";
import { type PackageLink, packageLinks } from "../shared/package-links.js";
import { assignPackageRefs } from "../shared/package-refs.js";
import type { FormatContext } from "../types.js";
import type {
  SpdxAnnotation,
  SpdxDocument,
  SpdxPackage,
  SpdxRelationship,
} from "./document-types.js";
import { LicenseRefs } from "./licenses.js";
import { toSpdxPackage } from "./package.js";
import { toDistroPackage, toRootPackage } from "./root-packages.js";
import { sanitizeIdPart } from "./spdx-id.js";

/**
 * The SPDX 2.3 document of a scan: the document DESCRIBES the image (or directory) package,
 * which CONTAINS the distro and every package found. Unknowns become document annotations.
 */
export function buildDocument(result: ScanResult, context: FormatContext): SpdxDocument {
  const root = toRootPackage(result);
  const licenses = new LicenseRefs();
  const refs = assignPackageRefs(result.packages);
  const packages = result.packages.map((pkg, i) => toSpdxPackage(pkg, refs[i], licenses));
  const contents = [...(result.distro ? [toDistroPackage(result.distro)] : []), ...packages];
  const idByRef = new Map(refs.map((ref, i) => [ref, packages[i]?.SPDXID as string]));
  const extracted = licenses.extracted();
  return {
    spdxVersion: "SPDX-2.3",
    dataLicense: "CC0-1.0",
    SPDXID: "SPDXRef-DOCUMENT",
    name: root.name,
    documentNamespace: namespaceFor(result, root.name),
    creationInfo: { created: spdxDate(context.now), creators: [toolOf(context)] },
    packages: [root, ...contents],
    hasExtractedLicensingInfos: extracted.length > 0 ? extracted : undefined,
    relationships: [
      ...relate(root, contents),
      ...packageLinks(result.packages, refs).map((link) => toRelationship(link, idByRef)),
    ],
    annotations: annotate(result.unknowns, context),
  };
}

function relate(root: SpdxPackage, contents: readonly SpdxPackage[]): SpdxRelationship[] {
  return [
    {
      spdxElementId: "SPDXRef-DOCUMENT",
      relationshipType: "DESCRIBES",
      relatedSpdxElement: root.SPDXID,
    },
    ...contents.map(
      (p): SpdxRelationship => ({
        spdxElementId: root.SPDXID,
        relationshipType: "CONTAINS",
        relatedSpdxElement: p.SPDXID,
      }),
    ),
  ];
}

/** A dependency as DEPENDS_ON; an OS package that installed a language package CONTAINS it. */
function toRelationship(link: PackageLink, idByRef: Map<string, string>): SpdxRelationship {
  return {
    spdxElementId: idByRef.get(link.from) as string,
    relationshipType: link.kind === "dependsOn" ? "DEPENDS_ON" : "CONTAINS",
    relatedSpdxElement: idByRef.get(link.to) as string,
  };
}

// Clause 6.5 asks for a unique URI per document; with no site of its own, Lading follows the
// form the spec gives, http://spdx.org/spdxdocs/[name]-[UUID].
function namespaceFor(result: ScanResult, name: string): string {
  return `https://spdx.org/spdxdocs/lading-${result.source.kind}-${sanitizeIdPart(name)}-${randomUUID()}`;
}

function toolOf(context: FormatContext): string {
  return `Tool: ${context.toolName}-${context.toolVersion}`;
}

/** Clause 6.9: UTC to the second, `YYYY-MM-DDThh:mm:ssZ`. */
function spdxDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** SPDX has no field for unread input, so each unknown is an OTHER annotation by the tool. */
function annotate(
  unknowns: readonly Unknown[],
  context: FormatContext,
): SpdxAnnotation[] | undefined {
  if (unknowns.length === 0) return undefined;
  return unknowns.map((u) => ({
    annotationDate: spdxDate(context.now),
    annotationType: "OTHER",
    annotator: toolOf(context),
    comment: describeUnknown(u),
  }));
}

function describeUnknown(u: Unknown): string {
  const where = [u.layer && `layer ${u.layer}`, u.cataloger && `cataloger ${u.cataloger}`];
  const context = where.filter(Boolean).join(", ");
  return `unknown: ${u.path}${context ? ` (${context})` : ""}: ${u.reason}`;
}
