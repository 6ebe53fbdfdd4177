/**
 * The formats the cataloger properties damage: for each, the cataloger that reads it, a path in
 * the image where it looks for that format, and the corpus files used as seeds.
 */
import { apkCataloger } from "../catalog/apk/apk-cataloger.js";
import { dotnetCataloger } from "../catalog/dotnet/dotnet-cataloger.js";
import { dpkgCataloger } from "../catalog/dpkg/dpkg-cataloger.js";
import { opkgCataloger } from "../catalog/dpkg/opkg-cataloger.js";
import { goCataloger } from "../catalog/go/go-cataloger.js";
import { pointerLayoutElf } from "../catalog/go/testdata/synthetic-elf.js";
import { javaCataloger } from "../catalog/java/java-cataloger.js";
import { npmCataloger } from "../catalog/npm/npm-cataloger.js";
import { phpCataloger } from "../catalog/php/php-cataloger.js";
import { pythonCataloger } from "../catalog/python/python-cataloger.js";
import { rpmCataloger } from "../catalog/rpm/rpm-cataloger.js";
import { rubyCataloger } from "../catalog/ruby/ruby-cataloger.js";
import { rustCataloger } from "../catalog/rust/rust-cataloger.js";
import type { Cataloger } from "../catalog/types.js";
import { seedFiles, seedsUnder } from "./seeds.fixture.js";

/** One format under attack. */
export interface CatalogerCase {
  cataloger: Cataloger;
  /** Where the damaged file is put in the image. */
  path: string;
  seeds: Buffer[];
  mode: "image" | "directory";
  /** Fewer runs for large seeds, whose every case costs more. */
  runs?: number;
}

const corpus = (ecosystem: string, keep: RegExp, maxBytes?: number) =>
  seedsUnder(`catalog/${ecosystem}/testdata`, keep, maxBytes);

const modInfo = [
  "path\texample.com/app",
  "mod\texample.com/app\t(devel)\t",
  "dep\tgithub.com/google/uuid\tv1.6.0\th1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=",
  "build\t-compiler=gc",
  "",
].join("\n");

const osCases: CatalogerCase[] = [
  {
    cataloger: dpkgCataloger,
    path: "/var/lib/dpkg/status",
    seeds: corpus("dpkg", /dpkg\/status$/),
    mode: "image",
  },
  {
    cataloger: dpkgCataloger,
    path: "/var/lib/dpkg/status.d/pkg",
    seeds: corpus("dpkg", /status\.d\/[^/.]+$/),
    mode: "image",
  },
  {
    cataloger: opkgCataloger,
    path: "/var/lib/opkg/status",
    seeds: corpus("dpkg", /opkg\/status$/),
    mode: "image",
  },
  {
    cataloger: apkCataloger,
    path: "/lib/apk/db/installed",
    seeds: corpus("apk", /^[^/]+\/(lib\/apk\/db\/installed|[a-z-]+)$/),
    mode: "image",
  },
  {
    cataloger: rpmCataloger,
    path: "/var/lib/rpm/Packages",
    seeds: corpus("rpm", /bdb\/.*Packages$|Packages_epoch$/),
    mode: "image",
    runs: 150,
  },
  {
    cataloger: rpmCataloger,
    path: "/usr/lib/sysimage/rpm/Packages.db",
    seeds: corpus("rpm", /Packages\.db$/, 2 << 20),
    mode: "image",
    runs: 40,
  },
  {
    cataloger: rpmCataloger,
    path: "/var/lib/rpmmanifest/container-manifest-2",
    seeds: corpus("rpm", /container-manifest-2$/),
    mode: "image",
  },
];

const npmCases: CatalogerCase[] = [
  ["/app/package-lock.json", /(package-?lock|packagelockjson)[^/]*\/[^/]+\.json$/],
  ["/app/yarn.lock", /yarn[^/]*\/[^/]+$/],
  ["/app/pnpm-lock.yaml", /pnpm[^/]*\/[^/]+\.yaml$/],
  ["/app/node_modules/x/package.json", /(pkg-json|packagejson|package-json)[^/]*\/[^/]+\.json$/],
].map(([path, keep]) => ({
  cataloger: npmCataloger,
  path: path as string,
  seeds: corpus("npm", keep as RegExp),
  mode: "directory",
}));

const languageCases: CatalogerCase[] = [
  [
    pythonCataloger,
    "python",
    "/usr/lib/python3/site-packages/x-1.0.dist-info/METADATA",
    /(wheelegg|site-packages)[^/]*\/[^/]+$/,
  ],
  [pythonCataloger, "python", "/app/poetry.lock", /poetry[^/]*\/[^/]+\.lock$/],
  [pythonCataloger, "python", "/app/Pipfile.lock", /pipfile[^/]*\/[^/]+$/i],
  [pythonCataloger, "python", "/app/requirements.txt", /requirements[^/]*\/[^/]+\.txt$/],
  [pythonCataloger, "python", "/app/uv.lock", /uv[^/]*\/[^/]+\.lock$/],
  [pythonCataloger, "python", "/app/pdm.lock", /pdm[^/]*\/[^/]+$/],
  [pythonCataloger, "python", "/app/pylock.toml", /pylock[^/]*\/[^/]+\.toml$/],
  [rubyCataloger, "ruby", "/app/Gemfile.lock", /gemfile[^/]*\/[^/]+$/i],
  [rubyCataloger, "ruby", "/usr/lib/ruby/gems/3.1.0/specifications/x.gemspec", /gemspec$/],
  [phpCataloger, "php", "/app/composer.lock", /composer(lock|-|\.lock)[^/]*\/[^/]+$/],
  [phpCataloger, "php", "/app/vendor/composer/installed.json", /installed\.json$/],
  [rustCataloger, "rust", "/app/Cargo.lock", /(cargo|rust)[^/]*\/[^/]+\.lock$/i],
  [
    dotnetCataloger,
    "dotnet",
    "/app/packages.lock.json",
    /packages(lockjson|\.lock\.json)[^/]*\/[^/]+$/i,
  ],
  [dotnetCataloger, "dotnet", "/app/app.deps.json", /depsjson[^/]*\/[^/]+$/],
  [dotnetCataloger, "dotnet", "/app/packages.config", /packages(config|\.config)[^/]*\/[^/]+$/],
  [javaCataloger, "java", "/app/gradle.lockfile", /gradle[^/]*\/[^/]+lockfile$/],
].map(([cataloger, dir, path, keep]) => ({
  cataloger: cataloger as Cataloger,
  path: path as string,
  seeds: corpus(dir as string, keep as RegExp),
  mode: "directory",
}));

const binaryCases: CatalogerCase[] = [
  {
    // The zip reader: central directory, local headers, nested archives, inflation.
    cataloger: javaCataloger,
    path: "/app/lib/app.jar",
    seeds: corpus("java", /\.jar$/, 512 << 10),
    mode: "image",
    runs: 150,
  },
  {
    cataloger: goCataloger,
    path: "/usr/local/bin/app",
    seeds: [pointerLayoutElf("go1.22.1", modInfo)],
    mode: "image",
  },
  {
    // A real Go executable: ELF sections, the build info blob and its pointers.
    cataloger: goCataloger,
    path: "/usr/local/bin/hello",
    seeds: seedFiles("catalog/go/testdata/hello-go-linux-amd64"),
    mode: "image",
    runs: 40,
  },
];

/** Every format the cataloger properties damage. */
export const catalogerCases: CatalogerCase[] = [
  ...osCases,
  ...npmCases,
  ...languageCases,
  ...binaryCases,
];
