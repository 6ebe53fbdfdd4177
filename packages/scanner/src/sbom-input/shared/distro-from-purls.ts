import type { Distro } from "../../types.js";
import { OS_PURL_TYPES } from "./ecosystems.js";
import { parsePurl } from "./purl.js";

/**
 * The distribution named by the first OS package purl (`pkg:deb/debian/x?distro=debian-12`):
 * its namespace is the os-release ID and its `distro` qualifier the version, for SBOMs that
 * carry no operating-system element. Lading and syft write `<id>-<version>`, Trivy the
 * version alone.
 */
export function distroFromPurls(purls: readonly (string | undefined)[]): Distro | undefined {
  for (const text of purls) {
    const purl = parsePurl(text);
    if (!purl?.namespace || !OS_PURL_TYPES.has(purl.type)) continue;
    const qualifier = purl.qualifiers?.distro;
    const versionId = qualifier?.startsWith(`${purl.namespace}-`)
      ? qualifier.slice(purl.namespace.length + 1)
      : qualifier;
    return { id: purl.namespace, ...(versionId ? { versionId } : {}) };
  }
  return undefined;
}
