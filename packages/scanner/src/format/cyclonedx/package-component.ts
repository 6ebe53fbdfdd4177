import * as Enums from "@cyclonedx/cyclonedx-library/Enums";
import * as Models from "@cyclonedx/cyclonedx-library/Models";
import type { Package } from "../../types.js";
import { type Contact, parseContact } from "../shared/maintainer.js";
import { toLicenses } from "./licenses.js";
import { packageProperties } from "./properties.js";

/** One package as a CycloneDX component, with `bomRef` the document-unique reference. */
export function toPackageComponent(pkg: Package, bomRef: string): Models.Component {
  const contact = parseContact(pkg.maintainer);
  return new Models.Component(componentType(pkg), pkg.name, {
    bomRef,
    version: pkg.version,
    purl: pkg.purl || undefined,
    description: pkg.description,
    author: pkg.maintainer,
    supplier: contact && toSupplier(contact),
    licenses: new Models.LicenseRepository(toLicenses(pkg.licenses)),
    properties: new Models.PropertyRepository(packageProperties(pkg)),
    scope: pkg.dev ? Enums.ComponentScope.Optional : undefined,
  });
}

// A program found as a binary is an application; everything a package manager installs is
// a library in CycloneDX's sense, as syft and Trivy also write it.
function componentType(pkg: Package): Enums.ComponentType {
  return pkg.foundHow === "binary" ? Enums.ComponentType.Application : Enums.ComponentType.Library;
}

function toSupplier(contact: Contact): Models.OrganizationalEntity {
  const person = new Models.OrganizationalContact({ name: contact.name, email: contact.email });
  return new Models.OrganizationalEntity({
    name: contact.name ?? contact.email,
    contact: new Models.OrganizationalContactRepository([person]),
  });
}
