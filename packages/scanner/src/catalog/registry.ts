import { apkCataloger } from "./apk/apk-cataloger.js";
import { dpkgCataloger } from "./dpkg/dpkg-cataloger.js";
import { opkgCataloger } from "./dpkg/opkg-cataloger.js";
import { rpmCataloger } from "./rpm/rpm-cataloger.js";
import type { Cataloger } from "./types.js";

/** Every cataloger a scan runs, in order. Each lives in its own folder under `catalog/`. */
export const catalogers: readonly Cataloger[] = [
  dpkgCataloger,
  opkgCataloger,
  apkCataloger,
  rpmCataloger,
];
