/**
 * The part of the SPDX 2.3 JSON document model Lading writes.
 * https://spdx.github.io/spdx-spec/v2.3/ (schema: spdx-spec, branch support/2.3)
 */

/** `NOASSERTION`: the writer makes no claim, as distinct from `NONE`. */
export const NOASSERTION = "NOASSERTION";

/** An SPDX 2.3 package (clause 7). */
export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  supplier?: string;
  downloadLocation: string;
  filesAnalyzed: boolean;
  checksums?: { algorithm: string; checksumValue: string }[];
  sourceInfo?: string;
  licenseConcluded: string;
  licenseDeclared: string;
  copyrightText: string;
  description?: string;
  comment?: string;
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
  primaryPackagePurpose?: string;
}

/** A licence that is not on the SPDX list, defined once per document (clause 10). */
export interface ExtractedLicense {
  licenseId: string;
  name: string;
  extractedText: string;
}

/** A relationship between two elements (clause 11). */
export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: "DESCRIBES" | "CONTAINS" | "DEPENDS_ON";
  relatedSpdxElement: string;
}

/** A comment attached to the document (clause 12). */
export interface SpdxAnnotation {
  annotationDate: string;
  annotationType: "OTHER";
  annotator: string;
  comment: string;
}

/** An SPDX 2.3 JSON document. */
export interface SpdxDocument {
  spdxVersion: "SPDX-2.3";
  dataLicense: "CC0-1.0";
  SPDXID: "SPDXRef-DOCUMENT";
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[]; comment?: string };
  packages: SpdxPackage[];
  hasExtractedLicensingInfos?: ExtractedLicense[];
  relationships: SpdxRelationship[];
  annotations?: SpdxAnnotation[];
}
