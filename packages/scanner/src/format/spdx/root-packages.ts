import type { Distro, ScanResult } from "../../types.js";
import { describeSubject } from "../shared/subject.js";
import { NOASSERTION, type SpdxPackage } from "./document-types.js";
import { sanitizeIdPart, spdxId } from "./spdx-id.js";

/** The package the document describes: the scanned image (a container) or directory. */
export function toRootPackage(result: ScanResult): SpdxPackage {
  const subject = describeSubject(result);
  const hex = subject.version?.startsWith("sha256:") ? subject.version.slice(7) : undefined;
  return {
    SPDXID: `SPDXRef-DocumentRoot-${subject.isImage ? "Image" : "Directory"}-${sanitizeIdPart(subject.name)}`,
    name: subject.name,
    versionInfo: subject.version,
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    checksums: hex ? [{ algorithm: "SHA256", checksumValue: hex }] : undefined,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    comment: `scanned as ${result.source.kind}:${result.source.target}`,
    primaryPackagePurpose: subject.isImage ? "CONTAINER" : "FILE",
  };
}

/** The distribution, as an operating-system package the image contains. */
export function toDistroPackage(distro: Distro): SpdxPackage {
  return {
    SPDXID: spdxId("OperatingSystem", distro.id, `${distro.id}@${distro.versionId ?? ""}`),
    name: distro.id,
    versionInfo: distro.versionId,
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    description: distro.prettyName,
    primaryPackagePurpose: "OPERATING_SYSTEM",
  };
}
