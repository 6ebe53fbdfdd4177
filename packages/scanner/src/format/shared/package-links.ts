import type { Package } from "../../types.js";

/** A link between two packages of one document, by their document references. */
export interface PackageLink {
  from: string;
  to: string;
  /** `dependsOn`: from needs to; `contains`: from (an OS package) installed to. */
  kind: "dependsOn" | "contains";
}

/**
 * The links the catalogers found: dependencies (`metadata.dependsOn`, purls) and which OS
 * package installed a language package (`metadata.ownedBy`, a purl). `refs[i]` is the document
 * reference of `packages[i]`; a purl no package of the document has is left out.
 */
export function packageLinks(packages: readonly Package[], refs: readonly string[]): PackageLink[] {
  const refByPurl = new Map<string, string>();
  packages.forEach((pkg, i) => {
    if (pkg.purl && !refByPurl.has(pkg.purl)) refByPurl.set(pkg.purl, refs[i] as string);
  });
  return packages.flatMap((pkg, i) => {
    const self = refs[i] as string;
    const links: PackageLink[] = [];
    for (const purl of stringsOf(pkg.metadata?.dependsOn)) {
      const to = refByPurl.get(purl);
      if (to !== undefined && to !== self) links.push({ from: self, to, kind: "dependsOn" });
    }
    const owner = refByPurl.get(String(pkg.metadata?.ownedBy ?? ""));
    if (owner !== undefined) links.push({ from: owner, to: self, kind: "contains" });
    return links;
  });
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
