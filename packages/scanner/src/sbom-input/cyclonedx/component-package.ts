import { formatContact } from "../shared/contact.js";
import { splitJoinedExpression } from "../shared/licenses.js";
import { isFoundHow, type PackageDraft } from "../shared/package-builder.js";
import { Properties } from "../shared/properties.js";
import type { Component, PlacedComponent } from "./components.js";
import { placementOf } from "./locations.js";

type Json = Record<string, unknown>;

/** One package component as a draft package; `targetPath` is its Trivy target's path. */
export function toPackageDraft(placed: PlacedComponent, targetPath?: string): PackageDraft {
  const { component, pointer } = placed;
  const properties = new Properties(component.properties);
  const draft: PackageDraft = {
    name: nameOf(component),
    version: stringOr(component.version, ""),
    pointer,
    purl: stringOr(component.purl, undefined),
    group: stringOr(component.group, undefined),
    toolType: toolTypeOf(properties),
    ...placementOf(properties, targetPath),
    ...describe(component),
    ...ladingFields(properties),
  };
  return withoutUndefined(draft);
}

// Trivy and syft give an npm scope as `group`; Lading names npm packages with their scope.
function nameOf(component: Component): string {
  const group = stringOr(component.group, "");
  const scoped = group.startsWith("@") && !component.name.includes("/");
  return scoped ? `${group}/${component.name}` : component.name;
}

function toolTypeOf(properties: Properties): string | undefined {
  return (
    properties.get("syft:package:type") ??
    properties.get("aquasecurity:trivy:PkgType") ??
    properties.get("aquasecurity:trivy:Type")
  );
}

function describe(component: Component): Partial<PackageDraft> {
  const licenses = licensesOf(component.licenses);
  return {
    description: stringOr(component.description, undefined),
    maintainer: maintainerOf(component),
    ...(licenses.length > 0 ? { licenses } : {}),
  };
}

/**
 * Licence ids, names and expressions, in document order. CycloneDX allows one expression per
 * component, so writers (Lading among them) join several licences as `(A) AND (B)`: split.
 */
export function licensesOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((choice: Json) => {
      const license = (choice.license ?? {}) as Json;
      return choice.expression ?? license.id ?? license.name;
    })
    .filter((text): text is string => typeof text === "string" && text.trim() !== "")
    .flatMap(splitJoinedExpression);
}

// The author field is free text and is where Lading writes the maintainer verbatim; 1.6 moved
// people to `authors`; the supplier is the organisation that ships the package.
function maintainerOf(component: Component): string | undefined {
  if (typeof component.author === "string" && component.author.trim()) return component.author;
  const author = Array.isArray(component.authors) ? (component.authors[0] as Json) : undefined;
  if (author) return formatContact(stringOr(author.name, ""), stringOr(author.email, ""));
  const supplier = component.supplier as Json | undefined;
  const contact = Array.isArray(supplier?.contact) ? (supplier.contact[0] as Json) : undefined;
  return formatContact(stringOr(supplier?.name, ""), stringOr(contact?.email, ""));
}

function ladingFields(properties: Properties): Partial<PackageDraft> {
  const foundHow = properties.get("lading:package:foundHow");
  const ownedBy = properties.get("lading:package:ownedBy");
  const sourceName =
    properties.get("lading:package:sourceName") ?? properties.get("aquasecurity:trivy:SrcName");
  const sourceVersion =
    properties.get("lading:package:sourceVersion") ??
    properties.get("aquasecurity:trivy:SrcVersion");
  return {
    foundBy: properties.get("lading:package:foundBy") ?? properties.get("syft:package:foundBy"),
    foundHow: isFoundHow(foundHow) ? foundHow : undefined,
    arch: properties.get("lading:package:arch"),
    dev: properties.get("lading:package:dev") === "true" ? true : undefined,
    source: sourceName ? withoutUndefined({ name: sourceName, version: sourceVersion }) : undefined,
    // Kept so that a language package an OS package installed is still matched through the
    // distro's advisories when the SBOM is scanned or uploaded.
    metadata: ownedBy ? { ownedBy } : undefined,
  };
}

function stringOr<T>(value: unknown, fallback: T): string | T {
  return typeof value === "string" && value !== "" ? value : fallback;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
