import type { Package } from "../../types.js";

/** Who depends on whom, by the document's own element references. */
export type DependencyGraph = Map<string, string[]>;

/** Adds `to` to the refs `from` depends on. */
export function addEdge(graph: DependencyGraph, from: string, to: string): void {
  const list = graph.get(from) ?? [];
  if (!list.includes(to)) list.push(to);
  graph.set(from, list);
}

/**
 * Stores each package's dependencies as `metadata.dependsOn`: the purls of the packages it
 * depends on, so the graph survives without the document's own references. `refs[i]` is the
 * reference of `packages[i]`; edges to elements that are not packages are dropped.
 */
export function attachDependencies(
  packages: Package[],
  refs: readonly (string | undefined)[],
  graph: DependencyGraph,
): void {
  const purlByRef = new Map<string, string>();
  refs.forEach((ref, i) => {
    if (ref !== undefined) purlByRef.set(ref, packages[i].purl);
  });
  packages.forEach((pkg, i) => {
    const targets = graph.get(refs[i] ?? "") ?? [];
    const dependsOn = targets.flatMap((t) => purlByRef.get(t) ?? []);
    if (dependsOn.length > 0) pkg.metadata = { ...pkg.metadata, dependsOn };
  });
}
