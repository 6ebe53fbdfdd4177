import type { Package } from "../../types.js";
import type { RuntimeFinding, RuntimeProduct } from "../types.js";
import { runtimeHint } from "./package-rules.js";
import { numericVersion, runtimeCycle } from "./runtime-cycle.js";

/** `metadata` of the `generic` packages the `runtime` cataloger emits. */
export interface RuntimeMetadata {
  runtime: RuntimeProduct;
  /** Set when the cataloger already knows the cycle (a declared constraint's lowest cycle). */
  cycle?: string;
  /** True for a requirement a source tree declares rather than an installed runtime. */
  declared?: boolean;
}

const PRODUCTS = new Set<string>([
  "nodejs",
  "python",
  "eclipse-temurin",
  "go",
  "ruby",
  "php",
  "dotnet",
]);

/**
 * The language runtimes a scan's packages show: OS packages of interpreters and JDKs, Go
 * toolchains in binaries, and what the `runtime` cataloger read from files. One finding per
 * runtime, cycle and version, with every package that told of it as evidence; a package whose
 * version names no cycle is left out, as nothing could be judged of it.
 */
export function detectRuntimes(packages: readonly Package[]): RuntimeFinding[] {
  const found = new Map<string, RuntimeFinding>();
  for (const pkg of packages) {
    const finding = findingOf(pkg);
    if (!finding) continue;
    const key = [finding.product, finding.cycle, finding.version, finding.declared].join("\0");
    const existing = found.get(key);
    if (existing) existing.evidence.push(...finding.evidence);
    else found.set(key, finding);
  }
  return [...found.values()];
}

function findingOf(pkg: Package): RuntimeFinding | undefined {
  const meta = runtimeMetadata(pkg);
  const hint = meta ? { product: meta.runtime, cycle: meta.cycle } : runtimeHint(pkg);
  if (!hint) return undefined;
  const declared = meta?.declared === true;
  const version = declared ? pkg.version : numericVersion(pkg.version);
  const cycle = hint.cycle ?? (version ? runtimeCycle(hint.product, version) : undefined);
  if (!version || !cycle) return undefined;
  const evidence = [{ purl: pkg.purl, location: pkg.locations[0] }];
  return { product: hint.product, version, cycle, declared, evidence };
}

function runtimeMetadata(pkg: Package): RuntimeMetadata | undefined {
  const runtime = pkg.metadata?.runtime;
  if (pkg.type !== "generic" || typeof runtime !== "string" || !PRODUCTS.has(runtime))
    return undefined;
  return pkg.metadata as unknown as RuntimeMetadata;
}
