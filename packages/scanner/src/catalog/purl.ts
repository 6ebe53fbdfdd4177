import { PackageURL } from "packageurl-js";
import type { Distro } from "../types.js";

/** The parts of a package URL; qualifiers left undefined or empty are dropped. */
export interface PurlParts {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers?: Record<string, string | undefined>;
}

/**
 * Formats a package URL with packageurl-js. The purl spec requires `+` to be percent-encoded
 * in every component since its 2025 encoding rules (purl-spec PR 439); packageurl-js 2.0 still
 * leaves it bare in versions, so it is encoded here. Qualifier values are already encoded by
 * the library, so a bare `+` in its output can only come from namespace, name or version.
 */
export function formatPurl(parts: PurlParts): string {
  const qualifiers = Object.fromEntries(
    Object.entries(parts.qualifiers ?? {}).filter(([, v]) => v !== undefined && v !== ""),
  ) as Record<string, string>;
  const purl = new PackageURL(
    parts.type,
    parts.namespace || undefined,
    parts.name,
    parts.version || undefined,
    Object.keys(qualifiers).length > 0 ? qualifiers : undefined,
    undefined,
  );
  return purl.toString().replaceAll("+", "%2B");
}

/**
 * The `distro` qualifier of an OS package: `<id>-<version id>` (`debian-12`, `alpine-3.10.2`),
 * the id alone when the release has no version (rolling distros), undefined without a distro.
 */
export function distroQualifier(distro: Distro | undefined): string | undefined {
  if (distro === undefined) return undefined;
  return distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
}

/**
 * The purl namespace of an OS package: the distro id, or `fallback` (the vendor the package
 * format implies, e.g. `debian` for dpkg) when no distro was detected.
 */
export function osNamespace(distro: Distro | undefined, fallback: string): string {
  return distro?.id ?? fallback;
}
