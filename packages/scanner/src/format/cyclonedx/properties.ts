import * as Models from "@cyclonedx/cyclonedx-library/Models";
import type { ImageMetadata, Location, Package, Unknown } from "../../types.js";

/*
 * Lading's property taxonomy, in the `namespace:field` style CycloneDX recommends
 * (https://github.com/CycloneDX/cyclonedx-property-taxonomy): `lading:layer:diffId`,
 * `lading:location:0:path`, ... Indexed names keep list members together and ordered.
 */

type Pair = readonly [string, string | undefined];

function toProperties(pairs: readonly Pair[]): Models.Property[] {
  return pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined && pair[1] !== "")
    .map(([name, value]) => new Models.Property(name, value));
}

function locationPairs(locations: readonly Location[]): Pair[] {
  return locations.flatMap((loc, i) => [
    [`lading:location:${i}:path`, loc.path],
    [`lading:location:${i}:layerDiffId`, loc.layer],
  ]);
}

/** Where a package was found and how: layer, locations, cataloger, architecture, source. */
export function packageProperties(pkg: Package): Models.Property[] {
  return toProperties([
    ["lading:package:foundBy", pkg.foundBy],
    ["lading:package:foundHow", pkg.foundHow],
    ["lading:package:arch", pkg.arch],
    ["lading:package:sourceName", pkg.source?.name],
    ["lading:package:sourceVersion", pkg.source?.version],
    ["lading:package:dev", pkg.dev ? "true" : undefined],
    ["lading:layer:diffId", pkg.layer],
    [
      "lading:package:ownedBy",
      typeof pkg.metadata?.ownedBy === "string" ? pkg.metadata.ownedBy : undefined,
    ],
    ...locationPairs(pkg.locations),
  ]);
}

/** Platform, labels, digests and layers of the image, for the metadata component. */
export function imageProperties(image: ImageMetadata): Models.Property[] {
  return toProperties([
    ["lading:image:os", image.os],
    ["lading:image:architecture", image.architecture],
    ["lading:image:variant", image.variant],
    ["lading:image:manifestDigest", image.manifestDigest],
    ...image.repoTags.map((tag): Pair => ["lading:image:repoTag", tag]),
    ...image.repoDigests.map((digest): Pair => ["lading:image:repoDigest", digest]),
    ...Object.entries(image.labels).map(([k, v]): Pair => [`lading:image:label:${k}`, v]),
    ["lading:image:created", image.created],
    ...image.layers.flatMap((l) => layerPairs(l, image)),
  ]);
}

/**
 * A layer's diff ID, and the instruction and date that made it, so a reader of the SBOM can
 * tell the image's age and its newest layer's without the image. History entries that made
 * no layer are left out; the others pair with the layers in order.
 */
function layerPairs(layer: ImageMetadata["layers"][number], image: ImageMetadata): Pair[] {
  const history = image.history.filter((h) => !h.emptyLayer)[layer.index];
  return [
    [`lading:image:layer:${layer.index}:diffId`, layer.diffId],
    [`lading:image:layer:${layer.index}:createdBy`, layer.createdBy ?? history?.createdBy],
    [`lading:image:layer:${layer.index}:created`, history?.created],
  ];
}

/**
 * What the scan could not read. CycloneDX has no field for it, so each unknown becomes a group
 * of BOM-level properties, and the count is given so that zero is stated, not implied.
 */
export function unknownProperties(unknowns: readonly Unknown[]): Models.Property[] {
  return toProperties([
    ["lading:unknowns:count", String(unknowns.length)],
    ...unknowns.flatMap((u, i): Pair[] => [
      [`lading:unknown:${i}:path`, u.path],
      [`lading:unknown:${i}:layerDiffId`, u.layer],
      [`lading:unknown:${i}:cataloger`, u.cataloger],
      [`lading:unknown:${i}:reason`, u.reason],
    ]),
  ]);
}

/** Properties of the scanned source: its kind (`docker-archive`, `dir`, ...) and target. */
export function sourceProperties(kind: string, target: string): Models.Property[] {
  return toProperties([
    ["lading:source:kind", kind],
    ["lading:source:target", target],
  ]);
}
