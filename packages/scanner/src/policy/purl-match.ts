import { PackageURL } from "packageurl-js";

/**
 * Whether a purl matches a pattern purl: type, namespace and name equal; the version too when
 * the pattern has one; and each qualifier the pattern gives equal. A pattern without version
 * or qualifiers names every version of the package, as OpenVEX and ignore rules intend.
 */
export function purlMatches(pattern: string, purl: string): boolean {
  const want = parse(pattern);
  const have = parse(purl);
  if (!want || !have) return pattern === purl;
  if (want.type !== have.type || want.name !== have.name) return false;
  if ((want.namespace ?? "") !== (have.namespace ?? "")) return false;
  if (want.version && want.version !== have.version) return false;
  const qualifiers = Object.entries(want.qualifiers ?? {});
  return qualifiers.every(([key, value]) => have.qualifiers?.[key] === value);
}

function parse(purl: string): PackageURL | undefined {
  try {
    return PackageURL.fromString(purl);
  } catch {
    return undefined;
  }
}
