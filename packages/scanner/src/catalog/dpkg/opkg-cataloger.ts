import type { CatalogContext, Cataloger, CatalogResult } from "../types.js";
import type { Flavour } from "./package.js";
import { catalogStatusDb } from "./read-status.js";

/** opkg keeps its database in one of two places, depending on how the image was built. */
const DATABASES = [
  { path: "/usr/lib/opkg/status", infoDir: "/usr/lib/opkg/info" },
  { path: "/var/lib/opkg/status", infoDir: "/var/lib/opkg/info" },
];

/** `wants` runs on every path of every layer: the prefixes are built once, not per call. */
const INFO_PREFIXES = DATABASES.map((db) => `${db.infoDir}/`);

const FLAVOUR: Flavour = { type: "opkg", cataloger: "opkg", namespace: "openwrt" };

/**
 * Packages installed by opkg (OpenWrt and embedded images). Its status file is dpkg's format,
 * so it is read by the same code; the packages are purl type `opkg`.
 */
export const opkgCataloger = {
  name: "opkg",
  maxFileSize: 16 * 1024 * 1024,
  wants(path: string): boolean {
    if (DATABASES.some((db) => db.path === path)) return true;
    return path.endsWith(".list") && INFO_PREFIXES.some((prefix) => path.startsWith(prefix));
  },
  catalog(context: CatalogContext): CatalogResult {
    const results = DATABASES.map((db) => catalogStatusDb(context, FLAVOUR, db));
    return {
      packages: results.flatMap((r) => r.packages),
      unknowns: results.flatMap((r) => r.unknowns),
    };
  },
} satisfies Cataloger;
