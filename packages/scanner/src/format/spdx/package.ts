import type { Package } from "../../types.js";
import { parseContact } from "../shared/maintainer.js";
import { NOASSERTION, type SpdxPackage } from "./document-types.js";
import type { LicenseRefs } from "./licenses.js";
import { spdxId } from "./spdx-id.js";

/** One package as an SPDX package; `ref` is its document-unique reference. */
export function toSpdxPackage(pkg: Package, ref: string, licenses: LicenseRefs): SpdxPackage {
  return {
    SPDXID: spdxId(`Package-${pkg.type}`, pkg.name, ref),
    name: pkg.name,
    versionInfo: pkg.version,
    supplier: supplierOf(pkg.maintainer),
    // Lading reads what is installed; where it was downloaded from is not recorded there.
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    sourceInfo: describeOrigin(pkg),
    licenseConcluded: NOASSERTION,
    licenseDeclared: licenses.declared(pkg.licenses),
    copyrightText: NOASSERTION,
    description: pkg.description,
    externalRefs: pkg.purl
      ? [
          {
            referenceCategory: "PACKAGE-MANAGER",
            referenceType: "purl",
            referenceLocator: pkg.purl,
          },
        ]
      : undefined,
    primaryPackagePurpose: pkg.foundHow === "binary" ? "APPLICATION" : "LIBRARY",
  };
}

// Clause 7.5: "Person: name (email)"; package metadata does not say whether a maintainer is
// a person or a team, and Person is what dpkg, apk and rpm fields most often name.
function supplierOf(maintainer: string | undefined): string {
  const contact = parseContact(maintainer);
  if (!contact) return NOASSERTION;
  const name = contact.name ?? contact.email;
  return contact.email && contact.name ? `Person: ${name} (${contact.email})` : `Person: ${name}`;
}

/** Clause 7.19: free text on where the package was found, layer by layer. */
function describeOrigin(pkg: Package): string {
  const where = pkg.locations.map((l) => (l.layer ? `${l.path} (layer ${l.layer})` : l.path));
  const layer = pkg.layer ? ` brought by layer ${pkg.layer};` : "";
  return `acquired package info from ${pkg.foundBy} cataloger;${layer} found at: ${where.join(", ")}`;
}
