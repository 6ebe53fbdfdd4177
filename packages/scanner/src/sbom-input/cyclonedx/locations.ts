import type { Location } from "../../types.js";
import type { Properties } from "../shared/properties.js";

/** Where a component was found: the layer that brought it and the paths of its records. */
export interface Placement {
  layer?: string;
  locations: Location[];
}

/**
 * Reads layer and locations from the three property taxonomies in use: Lading's
 * (`lading:layer:diffId`, `lading:location:N:path`/`:layerDiffId`), syft's
 * (`syft:location:N:path`/`:layerID`, the layer ID being the diff ID) and Trivy's
 * (`aquasecurity:trivy:LayerDiffID`, `aquasecurity:trivy:FilePath` relative to the root).
 * `targetPath` is the lockfile or binary a Trivy target component names for this package.
 */
export function placementOf(properties: Properties, targetPath?: string): Placement {
  const trivyLayer = properties.get("aquasecurity:trivy:LayerDiffID");
  const locations = [
    ...indexedLocations(properties, "lading:location:", "layerDiffId"),
    ...indexedLocations(properties, "syft:location:", "layerID"),
    ...trivyLocations(properties.get("aquasecurity:trivy:FilePath") ?? targetPath, trivyLayer),
  ];
  const layer = properties.get("lading:layer:diffId") ?? trivyLayer ?? locations[0]?.layer;
  return { ...(layer ? { layer } : {}), locations };
}

function indexedLocations(properties: Properties, prefix: string, layerKey: string): Location[] {
  return properties
    .indexed(prefix)
    .filter((group) => group.path)
    .map((group) => toLocation(group.path, group[layerKey]));
}

function trivyLocations(path: string | undefined, layer: string | undefined): Location[] {
  return path ? [toLocation(path, layer)] : [];
}

// Lading's paths are absolute inside the image; Trivy writes them relative to the root.
function toLocation(path: string, layer: string | undefined): Location {
  const absolute = path.startsWith("/") ? path : `/${path}`;
  return layer ? { path: absolute, layer } : { path: absolute };
}
