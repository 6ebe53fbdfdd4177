import type { CatalogContext, Cataloger, CatalogResult } from "../types.js";
import { isCopyrightPath } from "./copyright.js";
import { COPYRIGHT_MAX_BYTES, withLicenses } from "./licenses.js";
import type { Flavour } from "./package.js";
import { catalogStatusDb, catalogStatusDir } from "./read-status.js";

const STATUS = "/var/lib/dpkg/status";
const STATUS_DIR = "/var/lib/dpkg/status.d";
const INFO_DIR = "/var/lib/dpkg/info";

const FLAVOUR: Flavour = { type: "deb", cataloger: "dpkg", namespace: "debian" };

/**
 * Debian packages installed by dpkg: the `status` database with each package's file list from
 * `info/`, and the one-file-per-package `status.d/` that distroless images carry instead. Each
 * package's licences come from its `/usr/share/doc/<name>/copyright`.
 */
export const dpkgCataloger = {
  name: "dpkg",
  /**
   * The largest status databases (a full desktop) are a few MB; 64 MB leaves room without
   * letting a hostile file exhaust memory. The cap applies to file lists too, which the
   * cataloger contract cannot size separately; they are a few KB each in practice. Copyright
   * files get their own, smaller cap through `keeps`.
   */
  maxFileSize: 64 * 1024 * 1024,
  wants(path: string): boolean {
    if (path === STATUS || path.startsWith(`${STATUS_DIR}/`)) return true;
    if (isCopyrightPath(path)) return true;
    return path.startsWith(`${INFO_DIR}/`) && (path.endsWith(".list") || path.endsWith(".md5sums"));
  },
  /**
   * TODO: a copyright file is held whole until cataloging (about 15 KB a package, 10 MB for
   * 700 packages) although only its licence names are used; the capture contract can keep or
   * drop bytes but not replace them with what was read from them.
   */
  keeps(path: string, content: Buffer): boolean {
    return !isCopyrightPath(path) || content.length <= COPYRIGHT_MAX_BYTES;
  },
  catalog(context: CatalogContext): CatalogResult {
    const db = catalogStatusDb(context, FLAVOUR, { path: STATUS, infoDir: INFO_DIR });
    const dir = catalogStatusDir(context, FLAVOUR, STATUS_DIR);
    const licensed = withLicenses(context, [...db.packages, ...dir.packages], FLAVOUR.cataloger);
    return {
      packages: licensed.packages,
      unknowns: [...db.unknowns, ...dir.unknowns, ...licensed.unknowns],
    };
  },
} satisfies Cataloger;
