/** A CycloneDX component as JSON, with the fields the reader uses. */
export type Component = Record<string, unknown> & {
  type: string;
  name: string;
  "bom-ref"?: string;
  properties?: unknown;
  components?: Component[];
};

/** A component and where it sits in the document. */
export interface PlacedComponent {
  component: Component;
  pointer: string;
}

/**
 * Every component, nested ones included, depth first in document order: assemblies (cdxgen,
 * Trivy's nested packages) list what a component contains inside it, and each is a package.
 */
export function flattenComponents(list: unknown, pointer = "/components"): PlacedComponent[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((component: Component, i) => {
    const here = `${pointer}/${i}`;
    const nested = flattenComponents(component.components, `${here}/components`);
    return [{ component, pointer: here }, ...nested];
  });
}

// What a package is in CycloneDX's words; containers, files, data, models and services are
// something else, and operating-system components describe the distro instead.
const PACKAGE_TYPES = new Set([
  "library",
  "framework",
  "application",
  "firmware",
  "device-driver",
  "platform",
]);

/**
 * Whether a component is a package. Trivy writes each lockfile or binary it read as an
 * application component with a `Class` property and no purl: that names where packages were
 * found, and is not one itself.
 */
export function isPackageComponent(component: Component): boolean {
  if (!PACKAGE_TYPES.has(component.type)) return false;
  return !(component.type === "application" && isTrivyTarget(component));
}

/** Whether a component is one of Trivy's result targets (a lockfile, binary or OS). */
export function isTrivyTarget(component: Component): boolean {
  const properties = Array.isArray(component.properties) ? component.properties : [];
  return properties.some((p) => p?.name === "aquasecurity:trivy:Class");
}
