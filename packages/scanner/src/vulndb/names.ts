/**
 * Package names as the index keys them. Ecosystems whose registries ignore case or spelling
 * differences are folded here, once, for both the stored records and the packages looked up.
 */
export function normalizeName(ecosystem: string, name: string): string {
  switch (ecosystem) {
    // PEP 503: runs of `-`, `_` and `.` are one `-`, case-insensitive.
    case "PyPI":
      return name.toLowerCase().replace(/[-_.]+/g, "-");
    case "NuGet":
    case "Packagist":
    case "crates.io":
      return name.toLowerCase();
    default:
      return name;
  }
}

/**
 * The ecosystem as the index keys it: OSV names may carry a suffix (`Debian:12`,
 * `Ubuntu:22.04:LTS`, `Alpine:v3.18`); they are kept whole, only trimmed.
 */
export function normalizeEcosystem(ecosystem: string): string {
  return ecosystem.trim();
}
