import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogLayers, testLayerId } from "../test-helpers.js";
import { npmCataloger } from "./npm-cataloger.js";

const corpus = join(import.meta.dirname, "testdata/corpus");
const from = (path: string) => ({ from: join(corpus, path) });

describe("npm cataloger", () => {
  it("reads installed packages only from real package directories, with licence and layer", async () => {
    const { packages } = await catalogLayers(npmCataloger, [
      {
        files: {
          "/app/node_modules/@scope/pkg/package.json": from(
            "syft-javascript-pkg-json-package.json/package.json",
          ),
          "/app/node_modules/.pnpm/x@1.0.0/node_modules/x/package.json": from(
            "syft-javascript-pkg-json-package-license-object.json/package-license-object.json",
          ),
          "/app/node_modules/pkg/test/fixture/package.json": from(
            "syft-javascript-pkg-json-package-private.json/package-private.json",
          ),
          "/app/package.json": from(
            "syft-javascript-pkg-json-package-no-license.json/package-no-license.json",
          ),
        },
      },
    ]);
    expect(packages.map((p) => p.locations[0]?.path).sort()).toEqual([
      "/app/node_modules/.pnpm/x@1.0.0/node_modules/x/package.json",
      "/app/node_modules/@scope/pkg/package.json",
    ]);
    expect(packages.every((p) => p.foundHow === "installed" && p.layer === testLayerId(0))).toBe(
      true,
    );
    expect(packages.find((p) => p.locations[0]?.path.includes(".pnpm"))?.licenses).toEqual(["ISC"]);
  });

  it("reads a project's lockfile, not the ones published packages ship in node_modules", async () => {
    const lock = from("cdxgen-package-lock-v3.json/package-lock-v3.json");
    const { packages } = await catalogLayers(npmCataloger, [
      {
        files: {
          "/srv/web/package-lock.json": lock,
          "/srv/web/node_modules/better-opn/package-lock.json": lock,
          "/srv/web/node_modules/uri-js/yarn.lock": from(
            "cdxgen-yarn_locks-yarnv1-fs.lock/yarnv1-fs.lock",
          ),
          // Debian's node-* packages install modules here, lockfiles and all.
          "/usr/share/nodejs/nanoid/pnpm-lock.yaml": from(
            "scalibr-pnpmlock-mixed-groups.v9.yaml/mixed-groups.v9.yaml",
          ),
          "/usr/lib/nodejs/uri-js/package-lock.json": lock,
        },
      },
    ]);
    const where = new Set(packages.map((p) => p.locations[0]?.path));
    expect([...where]).toEqual(["/srv/web/package-lock.json"]);
  });

  it("tells dev from prod in a pnpm v9 lockfile from its importers", async () => {
    const { packages } = await catalogLayers(npmCataloger, [
      {
        files: {
          "/app/pnpm-lock.yaml": from("scalibr-pnpmlock-mixed-groups.v9.yaml/mixed-groups.v9.yaml"),
        },
      },
    ]);
    const dev = Object.fromEntries(packages.map((p) => [p.name, p.dev]));
    expect(dev).toEqual({ "ansi-regex": false, uuid: false, "is-number": true });
  });

  it("tells dev from prod in yarn.lock from the package.json beside it", async () => {
    const dir = "syft-javascript-yarn-dev-deps";
    const { packages } = await catalogLayers(npmCataloger, [
      {
        files: {
          "/app/yarn.lock": from(`${dir}/yarn.lock`),
          "/app/package.json": from(`${dir}/package.json`),
        },
      },
    ]);
    const dev = packages
      .filter((p) => p.dev)
      .map((p) => p.name)
      .sort();
    expect(dev).toEqual(["dev-only-transitive", "dev-pkg"]);
  });

  it("links package-lock dependencies by the copy Node would load", async () => {
    const { packages } = await catalogLayers(npmCataloger, [
      {
        files: {
          "/app/package-lock.json": from(
            "scalibr-packagelockjson-nested-dependencies.v2.json/nested-dependencies.v2.json",
          ),
        },
      },
    ]);
    const linked = packages.filter((p) => Array.isArray(p.metadata?.dependsOn));
    expect(linked.length).toBeGreaterThan(0);
    const purls = new Set(packages.map((p) => p.purl));
    const targets = linked.flatMap((p) => (p.metadata?.dependsOn ?? []) as string[]);
    for (const target of targets) expect(purls).toContain(target);
  });
});
