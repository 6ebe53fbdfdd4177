import type { Distro } from "../types.js";

/** An endoflife.date product and cycle. */
export interface ProductCycle {
  product: string;
  cycle: string;
}

type CycleOf = (distro: Distro, version: string) => ProductCycle | undefined;

const major =
  (product: string): CycleOf =>
  (_d, v) =>
    part(product, v, 1);
const majorMinor =
  (product: string): CycleOf =>
  (_d, v) =>
    part(product, v, 2);

/**
 * How each distro's os-release version names its endoflife.date cycle: Alpine and openSUSE
 * Leap by `major.minor` (`3.10.4` → `3.10`), Ubuntu by its `YY.MM` release, the Red Hat family
 * by major (`8.6` → `8`), Amazon Linux's old `2018.03` as cycle `1`.
 */
const DISTRO_CYCLES: Record<string, CycleOf> = {
  alpine: majorMinor("alpine"),
  debian: major("debian"),
  ubuntu: majorMinor("ubuntu"),
  rhel: major("rhel"),
  centos: (d, v) =>
    part(d.name?.includes("Stream") || Number(v) >= 9 ? "centos-stream" : "centos", v, 1),
  rocky: major("rocky-linux"),
  almalinux: major("almalinux"),
  // Amazon Linux 1 numbered its releases by date (`2018.03`); 2 and 2023 use one number.
  amzn: (_d, v) =>
    v.includes(".") ? { product: "amazon-linux", cycle: "1" } : part("amazon-linux", v, 1),
  fedora: major("fedora"),
  "opensuse-leap": majorMinor("opensuse"),
};

/**
 * The endoflife.date product and cycle of a distro release, or undefined when Lading has no
 * mapping for the distro or the release has no number (Alpine edge, Debian testing/sid).
 */
export function distroCycle(distro: Distro): ProductCycle | undefined {
  const version = distro.versionId?.trim();
  if (!version || !/^\d/.test(version)) return undefined;
  return DISTRO_CYCLES[distro.id]?.(distro, version);
}

function part(product: string, version: string, parts: number): ProductCycle | undefined {
  const pieces = version.split(".");
  if (pieces.length < parts || pieces.slice(0, parts).some((p) => !/^\d+$/.test(p)))
    return undefined;
  return { product, cycle: pieces.slice(0, parts).join(".") };
}
