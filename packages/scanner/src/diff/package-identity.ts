import { PackageURL } from "packageurl-js";
import type { Package } from "../types.js";

/** Package types whose builds differ by architecture, so that arch is part of who they are. */
const OS_TYPES = new Set(["deb", "apk", "rpm"]);

/**
 * Who a package is across two images: purl type, namespace and name, and the architecture for
 * OS packages (`libc6:amd64` and `libc6:i386` are two packages on one system). The version and
 * the other qualifiers (`distro`, `upstream`) are left out: they are what may change.
 * A purl that cannot be parsed falls back to the package's own type and name.
 */
export function packageIdentity(pkg: Package): string {
  const purl = parsePurl(pkg.purl);
  const type = purl?.type ?? pkg.type;
  const base = [type, purl?.namespace ?? "", purl?.name ?? pkg.name].join("/");
  if (!OS_TYPES.has(type)) return base;
  const arch = pkg.arch ?? purl?.qualifiers?.arch;
  return arch ? `${base}?arch=${arch}` : base;
}

/** Whether a package type is an OS package manager's (deb, apk, rpm). */
export function isOsType(type: string): boolean {
  return OS_TYPES.has(type);
}

function parsePurl(purl: string): PackageURL | undefined {
  try {
    return PackageURL.fromString(purl);
  } catch {
    return undefined;
  }
}
