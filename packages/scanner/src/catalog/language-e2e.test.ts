import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileTree } from "../filetree/file-tree.js";
import { silentLogger } from "../logger.js";
import { dirSource } from "../source/dir/dir-source.js";
import type { Package } from "../types.js";
import { npmCataloger } from "./npm/npm-cataloger.js";
import { phpCataloger } from "./php/php-cataloger.js";
import { normalizePypiName } from "./python/pypi.js";
import { pythonCataloger } from "./python/python-cataloger.js";
import { rubyCataloger } from "./ruby/ruby-cataloger.js";

/**
 * syft's multi-ecosystem directory fixture, the npm, Python, Ruby and PHP parts of it, read
 * through the directory source as `lading sbom dir:...` would. syft lists each package once, so
 * the comparison is of distinct name@version pairs per type.
 */
const dir = join(import.meta.dirname, "testdata/e2e-syft-dir-pkg-coverage");
const catalogers = [npmCataloger, pythonCataloger, rubyCataloger, phpCataloger];
const TYPES = ["npm", "pypi", "gem", "composer"];

/**
 * What Lading finds beyond syft's list, and why: syft leaves composer.lock's `packages-dev`
 * out, and reads vendor/composer/installed.json only in images, while Lading reads installed
 * metadata in both modes and marks dev packages instead of hiding them.
 */
const ALSO_FOUND: Record<string, string[]> = {
  composer: [
    "behat/gherkin@v4.6.2",
    "codeception/codeception@4.1.6",
    "nikic/fast-route@v1.3.0",
    "psr/container@2.0.2",
    "psr/http-factory@1.0.1",
  ],
};

async function scanDir(): Promise<{ packages: Package[]; unknowns: unknown[] }> {
  const opened = await dirSource.open(join(dir, "rootfs"));
  const [index] = await opened.index({
    wants: (p) => catalogers.some((c) => c.wants(p)),
    maxSize: () => 64 * 1024 * 1024,
  });
  const tree = new FileTree();
  if (index) tree.applyLayer(index);
  const context = {
    tree,
    layerId: () => undefined,
    mode: "directory" as const,
    logger: silentLogger,
  };
  const results = await Promise.all(catalogers.map((c) => c.catalog(context)));
  return {
    packages: results.flatMap((r) => r.packages),
    unknowns: results.flatMap((r) => r.unknowns),
  };
}

function distinct(packages: { type: string; name: string; version: string }[], type: string) {
  const name = (n: string) => (type === "pypi" ? normalizePypiName(n) : n);
  return [
    ...new Set(packages.filter((p) => p.type === type).map((p) => `${name(p.name)}@${p.version}`)),
  ].sort();
}

describe("syft directory fixture: language packages", () => {
  const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Package[];
  for (const type of TYPES) {
    it(`finds syft's ${type} packages`, async () => {
      const { packages, unknowns } = await scanDir();
      expect(unknowns).toEqual([]);
      const want = [...distinct(expected, type), ...(ALSO_FOUND[type] ?? [])].sort();
      expect(distinct(packages, type)).toEqual(want);
    });
  }
});
