import {
  eachObject,
  fail,
  optionalOf,
  requireArray,
  requireObject,
  requireString,
} from "../validation/shape.js";

type Json = Record<string, unknown>;

const FOUND_HOW = ["installed", "lockfile", "manifest", "binary", "archive"];

/**
 * Lading's JSON is the `ScanResult` type itself, so it is checked against that type by hand:
 * every field a consumer of the result may rely on without looking. Extra fields are allowed,
 * so a newer writer's additions do not break an older reader.
 */
export function validateLadingJson(document: Json): void {
  const source = requireObject(document.source, "/source");
  requireString(source, "kind", "/source");
  requireString(source, "target", "/source");
  if (document.image !== undefined) checkImage(requireObject(document.image, "/image"));
  if (document.distro !== undefined)
    requireString(requireObject(document.distro, "/distro"), "id", "/distro");
  requireArray(document.packages, "/packages");
  eachObject(document, "packages", "", checkPackage);
  requireArray(document.unknowns, "/unknowns");
  eachObject(document, "unknowns", "", (u, path) => {
    requireString(u, "path", path);
    requireString(u, "reason", path);
  });
  optionalOf(document, "timings", "object", "");
}

function checkImage(image: Json): void {
  requireString(image, "configDigest", "/image");
  for (const key of ["repoTags", "repoDigests", "layers", "history"]) {
    requireArray(image[key], `/image/${key}`);
  }
  requireObject(image.labels, "/image/labels");
  eachObject(image, "layers", "/image", (layer, path) => requireString(layer, "diffId", path));
}

function checkPackage(pkg: Json, path: string): void {
  for (const key of ["name", "version", "type", "purl", "foundBy"]) requireString(pkg, key, path);
  const foundHow = requireString(pkg, "foundHow", path);
  if (!FOUND_HOW.includes(foundHow)) {
    fail(`${path}/foundHow`, `${JSON.stringify(foundHow)} is not one of ${FOUND_HOW.join(", ")}`);
  }
  requireArray(pkg.locations, `${path}/locations`);
  eachObject(pkg, "locations", path, (loc, locPath) => requireString(loc, "path", locPath));
  for (const key of ["licenses", "files"]) optionalOf(pkg, key, "array", path);
  optionalOf(pkg, "metadata", "object", path);
}
