import type { FileTree } from "../../filetree/file-tree.js";
import { dirNameOf } from "../file-parsers.js";
import { dependencyNames, parsePackageJson } from "./package-json.js";

/** The names a project depends on directly, split by whether they are only for development. */
export interface DevRoots {
  prod: string[];
  dev: string[];
}

/**
 * The direct dependencies of the project whose package.json sits beside `lockPath`, or
 * undefined when there is none or it cannot be read (then nothing is marked dev).
 */
export function devRootsBeside(tree: FileTree, lockPath: string): DevRoots | undefined {
  const dir = dirNameOf(lockPath);
  const content = tree.read(dir === "/" ? "/package.json" : `${dir}/package.json`);
  if (content === undefined) return undefined;
  try {
    const json = parsePackageJson(content.toString("utf8"));
    const prod = [
      ...dependencyNames(json.dependencies),
      ...dependencyNames(json.optionalDependencies),
      ...dependencyNames(json.peerDependencies),
    ];
    return { prod, dev: dependencyNames(json.devDependencies) };
  } catch {
    return undefined;
  }
}

/**
 * The nodes reached from the dev roots but not from the production roots. A node reached from
 * neither stays production: calling something dev hides it from production reports, so that
 * needs evidence.
 */
export function markDev<T>(
  nodes: readonly T[],
  edges: (node: T) => T[],
  named: (name: string) => T[],
  roots: DevRoots,
): Set<T> {
  const prod = reach(roots.prod.flatMap(named), edges);
  const dev = reach(roots.dev.flatMap(named), edges);
  return new Set(nodes.filter((n) => dev.has(n) && !prod.has(n)));
}

/** Every node reachable from `start`, itself included. */
export function reach<T>(start: T[], edges: (node: T) => T[]): Set<T> {
  const seen = new Set<T>(start);
  const pending = [...start];
  while (pending.length > 0) {
    for (const next of edges(pending.pop() as T)) {
      if (!seen.has(next)) {
        seen.add(next);
        pending.push(next);
      }
    }
  }
  return seen;
}
