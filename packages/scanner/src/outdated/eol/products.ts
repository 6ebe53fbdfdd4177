/**
 * The endoflife.date products Lading ships dates for, and how it reads their extended support.
 * The product name is both the file name under `data/eol/` and the API path
 * (`https://endoflife.date/api/<name>.json`).
 */
export interface EolProduct {
  readonly name: string;
  /**
   * Whether `extendedSupport` is free security support every user of the release gets:
   * Debian LTS ships through the same security archive to everyone, so a Debian release is
   * still patched until its LTS ends. Elsewhere (Ubuntu Pro ESM, RHEL ELS) it is sold.
   */
  readonly freeExtendedSupport: boolean;
}

/** Every product with a data file, distros first, then language runtimes. */
export const eolProducts: readonly EolProduct[] = [
  { name: "alpine", freeExtendedSupport: false },
  { name: "almalinux", freeExtendedSupport: false },
  { name: "amazon-linux", freeExtendedSupport: false },
  { name: "centos", freeExtendedSupport: false },
  { name: "centos-stream", freeExtendedSupport: false },
  { name: "debian", freeExtendedSupport: true },
  { name: "fedora", freeExtendedSupport: false },
  { name: "opensuse", freeExtendedSupport: false },
  { name: "rhel", freeExtendedSupport: false },
  { name: "rocky-linux", freeExtendedSupport: false },
  { name: "ubuntu", freeExtendedSupport: false },
  { name: "nodejs", freeExtendedSupport: false },
  { name: "python", freeExtendedSupport: false },
  { name: "eclipse-temurin", freeExtendedSupport: false },
  { name: "go", freeExtendedSupport: false },
  { name: "ruby", freeExtendedSupport: false },
  { name: "php", freeExtendedSupport: false },
  { name: "dotnet", freeExtendedSupport: false },
];

/** The product named `name`, or undefined. */
export function findEolProduct(name: string): EolProduct | undefined {
  return eolProducts.find((p) => p.name === name);
}
