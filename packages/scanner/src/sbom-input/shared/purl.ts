import { PackageURL } from "packageurl-js";
import { distroQualifier, formatPurl } from "../../catalog/purl.js";
import type { Distro } from "../../types.js";
import { OS_PURL_TYPES } from "./ecosystems.js";

/** A purl parsed by packageurl-js, or undefined when the text is not a valid purl. */
export function parsePurl(text: string | undefined): PackageURL | undefined {
  if (!text) return undefined;
  try {
    return PackageURL.fromString(text);
  } catch {
    return undefined;
  }
}

/** What is known of a package that came without a purl. */
export interface PurlHint {
  purlType: string;
  name: string;
  version: string;
  /** Group, scope or vendor the SBOM gave separately (CycloneDX `group`). */
  namespace?: string;
}

// Ecosystems whose purl puts everything before the last `/` of the name in the namespace.
const SLASHED_NAMES = new Set(["npm", "golang", "composer"]);

/**
 * Builds the purl a package would have had, where its ecosystem says how; undefined when it
 * cannot be built honestly (an OS package of unknown distro, a Maven package without group).
 */
export function buildPurl(hint: PurlHint, distro: Distro | undefined): string | undefined {
  const { purlType, version } = hint;
  if (OS_PURL_TYPES.has(purlType)) {
    if (!distro) return undefined;
    const qualifiers = { distro: distroQualifier(distro) };
    return formatPurl({
      type: purlType,
      namespace: distro.id,
      name: hint.name,
      version,
      qualifiers,
    });
  }
  const { namespace, name } = splitName(hint);
  if (purlType === "maven" && !namespace) return undefined;
  return formatPurl({ type: purlType, namespace, name, version });
}

function splitName(hint: PurlHint): { namespace?: string; name: string } {
  const slash = hint.name.lastIndexOf("/");
  if (hint.namespace || !SLASHED_NAMES.has(hint.purlType) || slash <= 0) {
    return { namespace: hint.namespace, name: hint.name };
  }
  return { namespace: hint.name.slice(0, slash), name: hint.name.slice(slash + 1) };
}

/** `pkg:generic/name@version`: a package kept although its ecosystem is unknown. */
export function genericPurl(name: string, version: string): string {
  return formatPurl({ type: "generic", name, version });
}
