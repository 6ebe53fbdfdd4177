import { eachObject, optionalOf, requireObject, requireString } from "../validation/shape.js";

type Json = Record<string, unknown>;

/**
 * SPDX 2.2 JSON checked by hand for the structure the reader relies on: document identity,
 * creation info, and the fields of packages, relationships, annotations and extracted
 * licences that are read.
 *
 * TODO: no official SPDX 2.2 JSON schema is in the corpus, so 2.2 documents are not checked
 * against one: a value of the right JSON kind but outside the spec's vocabulary (an unknown
 * relationship type, a malformed SPDX id, a bad date) is accepted. Documents of that version
 * are rarer each year; the cost is a less precise 400 for a broken 2.2 upload.
 */
export function validateSpdx22Shape(document: Json): void {
  for (const key of ["SPDXID", "name", "dataLicense", "documentNamespace"]) {
    requireString(document, key, "");
  }
  const creation = requireObject(document.creationInfo, "/creationInfo");
  requireString(creation, "created", "/creationInfo");
  optionalOf(creation, "creators", "array", "/creationInfo");
  eachObject(document, "packages", "", checkPackage);
  eachObject(document, "relationships", "", checkRelationship);
  eachObject(document, "annotations", "", (a, path) => optionalOf(a, "comment", "string", path));
  eachObject(document, "hasExtractedLicensingInfos", "", (l, path) =>
    requireString(l, "licenseId", path),
  );
  optionalOf(document, "documentDescribes", "array", "");
}

function checkPackage(pkg: Json, path: string): void {
  requireString(pkg, "SPDXID", path);
  requireString(pkg, "name", path);
  for (const key of ["versionInfo", "supplier", "licenseDeclared", "licenseConcluded"]) {
    optionalOf(pkg, key, "string", path);
  }
  optionalOf(pkg, "attributionTexts", "array", path);
  eachObject(pkg, "externalRefs", path, (ref, refPath) => {
    for (const key of ["referenceCategory", "referenceType", "referenceLocator"]) {
      requireString(ref, key, refPath);
    }
  });
}

function checkRelationship(relationship: Json, path: string): void {
  for (const key of ["spdxElementId", "relationshipType", "relatedSpdxElement"]) {
    requireString(relationship, key, path);
  }
}
