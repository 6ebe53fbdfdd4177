/**
 * Finds (building once, when needed) the app test image made by `scripts/build-app-image`: the
 * Debian test image plus one layer holding Debian Python and Java packages, an npm app and a Go
 * binary, and reads what that script recorded while building the layer.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ExpectedPackage, readPackageList, repoRoot } from "./test-images.js";

const buildScript = join(repoRoot, "scripts", "build-app-image");
const CANNOT_BUILD = 77;

/** `manifest.json`, written by the build script. */
export interface AppImageManifest {
  baseDir: string;
  dockerArchive: { path: string; repoTags: string[] };
  diffIds: string[];
  appLayer: { index: number; diffId: string };
  distro: { id: string; versionId: string };
  debs: string;
  osOwned: string;
  npm: string;
  goVersionM: string;
  goBinary: string;
}

/** One npm package as its own installed package.json names it. */
export interface ExpectedNpm {
  name: string;
  version: string;
  license: string;
  path: string;
}

/** A module line of `go version -m`: the main module (`mod`) or a dependency (`dep`). */
export interface ExpectedGoModule {
  kind: "mod" | "dep";
  path: string;
  version: string;
}

/** The built app image and what its layer holds. */
export interface AppImage {
  dir: string;
  manifest: AppImageManifest;
  /** The debs the app layer installed (the Python and Java packages and their dependencies). */
  debs: ExpectedPackage[];
  /** deb name and path of each regular file of a language package record that a deb owns. */
  osOwned: { deb: string; path: string }[];
  npm: ExpectedNpm[];
  /** The Go version the binary was built with (`go1.19.8`). */
  goVersion: string;
  goModules: ExpectedGoModule[];
}

/** Whether the image is at hand or can be built here; if not, why. */
export function checkAppImage(): { ok: boolean; reason?: string } {
  const run = spawnSync(buildScript, ["--check"], { encoding: "utf8" });
  if (run.status === 0) return { ok: true };
  if (run.status === CANNOT_BUILD) return { ok: false, reason: run.stderr.trim() };
  return { ok: false, reason: `${buildScript} --check failed: ${run.stderr || run.error}` };
}

/** Builds the image unless cached, and reads what the build recorded. */
export function loadAppImage(): AppImage {
  const run = spawnSync(buildScript, [], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    throw new Error(`${buildScript} exited ${run.status}:\n${run.stderr.slice(-4000)}`);
  }
  const dir = run.stdout.trim().split("\n").at(-1) ?? "";
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as AppImageManifest;
  const goLines = lines(join(dir, manifest.goVersionM));
  return {
    dir,
    manifest,
    debs: readPackageList(join(dir, manifest.debs)),
    osOwned: tsv(join(dir, manifest.osOwned)).map(([deb = "", path = ""]) => ({ deb, path })),
    npm: tsv(join(dir, manifest.npm)).map(([name = "", version = "", license = "", path = ""]) => ({
      name,
      version,
      license,
      path,
    })),
    goVersion: goLines[0]?.split(": ")[1] ?? "",
    goModules: goLines.map((l) => l.trim().split("\t")).flatMap(goModule),
  };
}

function goModule([kind, path, version]: string[]): ExpectedGoModule[] {
  if ((kind !== "mod" && kind !== "dep") || path === undefined || version === undefined) return [];
  return [{ kind, path, version }];
}

function tsv(file: string): string[][] {
  return lines(file).map((line) => line.split("\t"));
}

function lines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "");
}
