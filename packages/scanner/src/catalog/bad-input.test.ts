import { describe, expect, it } from "vitest";
import { npmCataloger } from "./npm/npm-cataloger.js";
import { phpCataloger } from "./php/php-cataloger.js";
import { pythonCataloger } from "./python/python-cataloger.js";
import { rubyCataloger } from "./ruby/ruby-cataloger.js";
import { catalogLayers, testLayerId } from "./test-helpers.js";
import type { Cataloger } from "./types.js";

/** A malformed file of each format, and the cataloger that reads it. */
const cases: [Cataloger, string, string][] = [
  [npmCataloger, "/app/package-lock.json", '{"lockfileVersion": 2, "packages": {'],
  [npmCataloger, "/app/node_modules/left-pad/package.json", "[1, 2"],
  [npmCataloger, "/app/yarn.lock", '# yarn lockfile v1\n\n"a@^1":\n  version "1.0.0"\n   ???\n'],
  [npmCataloger, "/app/yarn.lock", '__metadata:\n  version: 6\n"a@npm:1": [unclosed\n'],
  [npmCataloger, "/app/pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages: {a: [\n"],
  [pythonCataloger, "/app/poetry.lock", "[[package]\nname = 'x'\n"],
  [pythonCataloger, "/app/Pipfile.lock", "{default: }"],
  [pythonCataloger, "/app/uv.lock", "package = 3\n"],
  [
    pythonCataloger,
    "/usr/lib/python3/site-packages/x-1.0.dist-info/METADATA",
    "Summary: no name\n",
  ],
  [
    rubyCataloger,
    "/usr/lib/ruby/gems/3.1.0/specifications/x.gemspec",
    "Gem::Specification.new do |s|\n  s.name = 'x'\nend\n",
  ],
  [phpCataloger, "/app/composer.lock", '"just a string"'],
  [phpCataloger, "/app/vendor/composer/installed.json", "{"],
];

describe("malformed input", () => {
  for (const [cataloger, path, content] of cases) {
    it(`${cataloger.name}: ${path} becomes an unknown`, async () => {
      const result = await catalogLayers(cataloger, [{ files: { [path]: content } }]);
      expect(result.packages).toEqual([]);
      expect(result.unknowns).toHaveLength(1);
      expect(result.unknowns[0]).toMatchObject({
        path,
        layer: testLayerId(0),
        cataloger: cataloger.name,
      });
      expect(result.unknowns[0]?.reason).toMatch(/\S/);
    });
  }

  it("keeps reading the good files beside a bad one", async () => {
    const result = await catalogLayers(npmCataloger, [
      {
        files: {
          "/a/package-lock.json": "{",
          "/b/node_modules/ok/package.json": '{"name": "ok", "version": "1.0.0", "license": "MIT"}',
        },
      },
    ]);
    expect(result.packages.map((p) => p.purl)).toEqual(["pkg:npm/ok@1.0.0"]);
    expect(result.unknowns.map((u) => u.path)).toEqual(["/a/package-lock.json"]);
  });
});
