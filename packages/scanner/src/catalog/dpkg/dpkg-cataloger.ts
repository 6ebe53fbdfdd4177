import type { CatalogContext, Cataloger, CatalogResult } from "../types.js";
import type { Flavour } from "./package.js";
import { catalogStatusDb, catalogStatusDir } from "./read-status.js";

const STATUS = "/var/lib/dpkg/status";
const STATUS_DIR = "/var/lib/dpkg/status.d";
const INFO_DIR = "/var/lib/dpkg/info";

const FLAVOUR: Flavour = { type: "deb", cataloger: "dpkg", namespace: "debian" };

/**
 * Debian packages installed by dpkg: the `status` database with each package's file list from
 * `info/`, and the one-file-per-package `status.d/` that distroless images carry instead.
 */
export const dpkgCataloger = {
  name: "dpkg",
  /**
   * The largest status databases (a full desktop) are a few MB; 64 MB leaves room without
   * letting a hostile file exhaust memory. The cap applies to file lists too, which the
   * cataloger contract cannot size separately; they are a few KB each in practice.
   */
  maxFileSize: 64 * 1024 * 1024,
  wants(path: string): boolean {
    if (path === STATUS || path.startsWith(`${STATUS_DIR}/`)) return true;
    return path.startsWith(`${INFO_DIR}/`) && (path.endsWith(".list") || path.endsWith(".md5sums"));
  },
  catalog(context: CatalogContext): CatalogResult {
    const db = catalogStatusDb(context, FLAVOUR, { path: STATUS, infoDir: INFO_DIR });
    const dir = catalogStatusDir(context, FLAVOUR, STATUS_DIR);
    return {
      packages: [...db.packages, ...dir.packages],
      unknowns: [...db.unknowns, ...dir.unknowns],
    };
  },
} satisfies Cataloger;
