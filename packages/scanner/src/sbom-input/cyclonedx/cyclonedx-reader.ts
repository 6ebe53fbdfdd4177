import type { ScanResult } from "../../types.js";
import { addEdge, attachDependencies, type DependencyGraph } from "../shared/dependencies.js";
import { type DraftContext, finishPackage } from "../shared/package-builder.js";
import type { SbomReader } from "../types.js";
import { toPackageDraft } from "./component-package.js";
import {
  type Component,
  flattenComponents,
  isPackageComponent,
  isTrivyTarget,
  type PlacedComponent,
} from "./components.js";
import { distroOf } from "./distro.js";
import { imageOf, sourceOf, unknownsOf } from "./subject.js";
import { validateCyclonedx } from "./validate.js";

type Json = Record<string, unknown>;

/**
 * CycloneDX JSON 1.4–1.6, as Lading, syft, Trivy, cdxgen and others write it: components
 * (nested ones flattened) become packages, `metadata.component` the image, the
 * operating-system component the distro, and `dependencies` each package's `dependsOn`.
 * https://cyclonedx.org/docs/1.6/json/
 */
export const cyclonedxJsonReader = {
  id: "cyclonedx-json",
  detect: (document) => "bomFormat" in document || "specVersion" in document,
  read(document, options) {
    if (options?.validate !== false) validateCyclonedx(document);
    const metadata = (document.metadata ?? {}) as Json;
    const subject = metadata.component as Component | undefined;
    const placed = flattenComponents(document.components);
    const distro = distroOf(placed.map((p) => p.component));
    const context: DraftContext = {
      readerId: "cyclonedx-json",
      distro,
      unknowns: unknownsOf(metadata),
    };
    const graph = dependencyGraph(document.dependencies);
    const image = imageOf(subject, metadata);
    return {
      source: sourceOf(subject),
      ...(image ? { image } : {}),
      ...(distro ? { distro } : {}),
      packages: readPackages(placed, graph, context),
      unknowns: context.unknowns,
      timings: {},
    } satisfies ScanResult;
  },
} satisfies SbomReader;

function readPackages(placed: PlacedComponent[], graph: DependencyGraph, context: DraftContext) {
  const targets = trivyTargetPaths(placed, graph);
  const kept = placed.filter((p) => isPackageComponent(p.component));
  const refs = kept.map((p) => p.component["bom-ref"]);
  const packages = kept.map((p, i) =>
    finishPackage(toPackageDraft(p, targets.get(refs[i] ?? "")), context),
  );
  attachDependencies(packages, refs, graph);
  return packages;
}

function dependencyGraph(list: unknown): DependencyGraph {
  const graph: DependencyGraph = new Map();
  if (!Array.isArray(list)) return graph;
  for (const entry of list as Json[]) {
    const targets = Array.isArray(entry.dependsOn) ? entry.dependsOn : [];
    for (const target of targets) addEdge(graph, String(entry.ref), String(target));
  }
  return graph;
}

// Trivy's lockfile and binary targets depend on the packages read from them: that names the
// file each package was found in, which Trivy writes nowhere else for lockfile packages.
function trivyTargetPaths(placed: PlacedComponent[], graph: DependencyGraph): Map<string, string> {
  const paths = new Map<string, string>();
  for (const { component } of placed) {
    if (component.type !== "application" || !isTrivyTarget(component)) continue;
    for (const ref of graph.get(component["bom-ref"] ?? "") ?? []) paths.set(ref, component.name);
  }
  return paths;
}
