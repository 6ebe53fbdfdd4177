import { randomUUID } from "node:crypto";
import * as Enums from "@cyclonedx/cyclonedx-library/Enums";
import * as Models from "@cyclonedx/cyclonedx-library/Models";
import type { ScanResult } from "../../types.js";
import { type PackageLink, packageLinks } from "../shared/package-links.js";
import { assignPackageRefs } from "../shared/package-refs.js";
import type { FormatContext } from "../types.js";
import { toPackageComponent } from "./package-component.js";
import { unknownProperties } from "./properties.js";
import { toDistroComponent, toSubjectComponent } from "./subject-component.js";

/**
 * The CycloneDX model of a scan. The image (or directory) is `metadata.component` and depends
 * on the distro and on every package, so the dependency graph says what the image contains;
 * unknowns are BOM-level properties because the schema has no place made for them.
 */
export function buildBom(result: ScanResult, context: FormatContext): Models.Bom {
  const subject = toSubjectComponent(result);
  const bom = new Models.Bom({
    serialNumber: `urn:uuid:${randomUUID()}`,
    metadata: new Models.Metadata({
      timestamp: context.now,
      tools: new Models.Tools({ components: new Models.ComponentRepository([toolOf(context)]) }),
      component: subject,
      properties: new Models.PropertyRepository(unknownProperties(result.unknowns)),
    }),
  });
  for (const component of contentsOf(result)) {
    bom.components.add(component);
    subject.dependencies.add(component.bomRef);
  }
  return bom;
}

function contentsOf(result: ScanResult): Models.Component[] {
  const refs = assignPackageRefs(result.packages);
  const packages = result.packages.map((pkg, i) => toPackageComponent(pkg, refs[i]));
  linkDependencies(packages, packageLinks(result.packages, refs));
  return result.distro ? [toDistroComponent(result.distro), ...packages] : packages;
}

/**
 * The dependencies the package metadata states. That an OS package installed a language
 * package is not a dependency; it is written as the `lading:package:ownedBy` property.
 */
function linkDependencies(components: Models.Component[], links: PackageLink[]): void {
  const byRef = new Map(components.map((c) => [c.bomRef.value, c]));
  for (const link of links) {
    const to = byRef.get(link.to);
    if (link.kind === "dependsOn" && to) byRef.get(link.from)?.dependencies.add(to.bomRef);
  }
}

function toolOf(context: FormatContext): Models.Component {
  return new Models.Component(Enums.ComponentType.Application, context.toolName, {
    version: context.toolVersion,
  });
}
