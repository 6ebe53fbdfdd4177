import { apkCataloger } from "./apk/apk-cataloger.js";
import { dotnetCataloger } from "./dotnet/dotnet-cataloger.js";
import { dpkgCataloger } from "./dpkg/dpkg-cataloger.js";
import { opkgCataloger } from "./dpkg/opkg-cataloger.js";
import { goCataloger } from "./go/go-cataloger.js";
import { javaCataloger } from "./java/java-cataloger.js";
import { npmCataloger } from "./npm/npm-cataloger.js";
import { phpCataloger } from "./php/php-cataloger.js";
import { pythonCataloger } from "./python/python-cataloger.js";
import { rpmCataloger } from "./rpm/rpm-cataloger.js";
import { rubyCataloger } from "./ruby/ruby-cataloger.js";
import { runtimeCataloger } from "./runtime/runtime-cataloger.js";
import { rustCataloger } from "./rust/rust-cataloger.js";
import type { Cataloger } from "./types.js";

/** Every cataloger a scan runs, in order. Each lives in its own folder under `catalog/`. */
export const catalogers: readonly Cataloger[] = [
  dpkgCataloger,
  opkgCataloger,
  apkCataloger,
  rpmCataloger,
  npmCataloger,
  pythonCataloger,
  rubyCataloger,
  phpCataloger,
  javaCataloger,
  goCataloger,
  rustCataloger,
  dotnetCataloger,
  runtimeCataloger,
];
