/**
 * Scans the app test image (the Debian test image plus one layer with Debian Python and Java
 * packages, an npm app installed by `npm ci` and a Go binary built from a vendored module) and
 * checks the result against what the build recorded: every npm package, every Go module, the
 * new debs, and the OS-owned Python and Java packages counted once, as part of their deb.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../packages/scanner/src/scan.js";
import type { Package, ScanResult } from "../packages/scanner/src/types.js";
import { type AppImage, checkAppImage, loadAppImage } from "./support/app-image.js";
import { expectedDebPurl, splitPurl } from "./support/deb-purl.js";
import { repoRoot } from "./support/test-images.js";

const check = checkAppImage();
const required = Boolean(process.env.LADING_REQUIRE_TEST_IMAGES);
if (!check.ok && !required) console.warn(`Skipping the app image tests: ${check.reason}`);

const cli = join(repoRoot, "packages", "cli", "bin", "lading.js");
const cliBuilt = existsSync(join(repoRoot, "packages", "cli", "dist", "main.js"));

let app: AppImage;
let result: ScanResult;
let appLayer: string;

const archive = () => join(app.dir, app.manifest.dockerArchive.path);
const lang = () => result.packages.filter((p) => p.type !== "deb");
const debNamed = (name: string) => result.packages.find((p) => p.type === "deb" && p.name === name);
const summary = (p: Package) => [p.type, p.name, p.version, p.foundHow, p.locations[0]?.path];
const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

/** The language packages the OS-owned record files stand for: one per egg-info dir or jar. */
function expectedOsOwned() {
  const records = new Map<string, { deb: string; type: string; name: string; version: string }>();
  for (const { deb, path } of app.osOwned) {
    const egg = /^(.*)\/([^/-]+)-([^/-]+)\.(?:egg|dist)-info\/(?:PKG-INFO|METADATA)$/.exec(path);
    const debVersion = app.debs.find((d) => d.name === deb)?.version ?? "";
    if (egg?.[2] && egg[3]) records.set(path, { deb, type: "pypi", name: egg[2], version: egg[3] });
    if (path.endsWith(".jar")) {
      const upstream = debVersion.replace(/-[^-]*$/, "");
      records.set(path, { deb, type: "maven", name: basename(path, ".jar"), version: upstream });
    }
  }
  return records;
}

describe.skipIf(!check.ok && !required)("the app test image", () => {
  beforeAll(async () => {
    app = loadAppImage();
    appLayer = app.manifest.appLayer.diffId;
    result = await scan(`docker-archive:${archive()}`);
  });

  it("reads every record without an unknown", () => {
    expect(result.unknowns).toEqual([]);
  });

  it("finds exactly the language packages the layer added, all in that layer", () => {
    const expected = [
      ...app.npm.map((n) => ["npm", n.name, n.version, "installed", n.path]),
      ...app.goModules.map((m) => ["golang", m.path, m.version, "binary", app.manifest.goBinary]),
      ["golang", "stdlib", app.goVersion, "binary", app.manifest.goBinary],
      ...[...expectedOsOwned()].map(([path, r]) => [r.type, r.name, r.version, "", path]),
    ];
    const found = lang().map((p) => {
      const row = summary(p);
      // The archive cataloger says how it read a jar; what matters here is where it is.
      if (p.type === "maven" || p.type === "pypi") row[3] = "";
      return row;
    });
    expect(sorted(found)).toEqual(sorted(expected));
    for (const pkg of lang()) expect(pkg.layer, pkg.purl).toBe(appLayer);
    for (const pkg of lang()) expect(pkg.locations[0]?.layer, pkg.purl).toBe(appLayer);
  });

  it("gives the installed npm packages their purl and declared licence", () => {
    const installed = lang().filter((p) => p.type === "npm" && p.foundHow === "installed");
    const found = installed.map((p) => [p.purl, p.licenses, p.locations[0]?.path]);
    const expected = app.npm.map((n) => [`pkg:npm/${n.name}@${n.version}`, [n.license], n.path]);
    expect(sorted(found)).toEqual(sorted(expected));
    // Each is counted once: the lockfile entry that installed it adds a location, not a package.
    for (const pkg of installed) {
      expect(pkg.locations.map((l) => l.path)).toContain("/app/package-lock.json");
    }
    expect(lang().filter((p) => p.type === "npm" && p.foundHow === "lockfile")).toEqual([]);
    const nested = installed.filter((p) => p.name === "ms").map((p) => p.version);
    expect(nested.sort(), "debug keeps its own ms beside the top-level one").toEqual([
      "2.1.2",
      "2.1.3",
    ]);
  });

  it("reads the Go binary's build info: main module, vendored uuid and stdlib", () => {
    const golang = lang().filter((p) => p.type === "golang");
    const found = golang.map((p) => [p.name, p.version, p.purl]);
    const main = app.goModules.find((m) => m.kind === "mod");
    expect(main).toEqual({ kind: "mod", path: "example.com/lading/app-go", version: "(devel)" });
    expect(
      app.goModules.filter((m) => m.kind === "dep").map((m) => `${m.path}@${m.version}`),
    ).toEqual(["github.com/google/uuid@v1.3.0"]);
    expect(app.goVersion).toMatch(/^go1\.19\.\d+$/);
    expect(sorted(found)).toEqual(
      sorted([
        // A build outside version control has no version: its purl carries none.
        ["example.com/lading/app-go", "(devel)", "pkg:golang/example.com/lading/app-go"],
        ["github.com/google/uuid", "v1.3.0", "pkg:golang/github.com/google/uuid@v1.3.0"],
        ["stdlib", app.goVersion, `pkg:golang/stdlib@${app.goVersion}`],
      ]),
    );
  });

  it("finds the debs the layer installed, with their purls, in that layer", () => {
    const distro = `${app.manifest.distro.id}-${app.manifest.distro.versionId}`;
    expect(app.debs.map((d) => d.name)).toEqual(
      expect.arrayContaining(["python3-six", "python3-certifi", "libcommons-lang3-java"]),
    );
    for (const deb of app.debs) {
      const pkg = debNamed(deb.name);
      expect(pkg?.version, deb.name).toBe(deb.version);
      expect(splitPurl(pkg?.purl ?? ""), deb.name).toEqual(expectedDebPurl(deb, distro));
      expect(pkg?.layer, deb.name).toBe(appLayer);
    }
  });

  it("leaves the base image's debs in their own layers", () => {
    const added = new Set(app.debs.map((d) => d.name));
    const base = result.packages.filter((p) => p.type === "deb" && !added.has(p.name));
    expect(base.length).toBeGreaterThan(50);
    const baseLayers = new Set(app.manifest.diffIds.slice(0, app.manifest.appLayer.index));
    for (const pkg of base) expect(baseLayers.has(pkg.layer ?? ""), pkg.name).toBe(true);
  });

  it("counts the Debian Python and Java packages once, as part of the deb owning them", () => {
    const owned = expectedOsOwned();
    expect([...owned.values()].map((r) => `${r.type}:${r.name}`).sort()).toEqual([
      "maven:commons-lang3",
      "pypi:certifi",
      "pypi:six",
    ]);
    for (const [path, record] of owned) {
      const found = lang().filter((p) => p.type === record.type && p.name === record.name);
      expect(
        found.map((p) => p.locations[0]?.path),
        record.name,
      ).toEqual([path]);
      expect(found[0]?.metadata?.ownedBy, record.name).toBe(debNamed(record.deb)?.purl);
    }
    // Every language package the distro installed is flagged; the app's own are not.
    for (const pkg of lang()) {
      const path = pkg.locations[0]?.path ?? "";
      const inOsTree = /^\/usr\/(lib\/python3|share\/java)\//.test(path);
      expect(typeof pkg.metadata?.ownedBy === "string", path).toBe(inOsTree);
    }
  });

  it("records the egg-info directories of the Python packages as dpkg lists them", () => {
    const dirs = new Set(
      app.osOwned.filter((o) => o.deb.startsWith("python3-")).map((o) => o.path),
    );
    for (const pkg of lang().filter((p) => p.type === "pypi")) {
      expect(dirs.has(pkg.locations[0]?.path ?? ""), pkg.name).toBe(true);
      expect(dirname(pkg.locations[0]?.path ?? "")).toMatch(/\.egg-info$/);
    }
  });
});

describe.skipIf(!check.ok && !required)("lading sbom on the app test image", () => {
  let out: string;
  let components: { purl?: string; version?: string; licenses?: unknown[]; properties?: Prop[] }[];
  type Prop = { name: string; value: string };

  beforeAll(() => {
    if (!cliBuilt) throw new Error(`${cli} has no build yet: run \`npm run build\` first`);
    app ??= loadAppImage();
    appLayer = app.manifest.appLayer.diffId;
    out = mkdtempSync(join(tmpdir(), "lading-app-cli-"));
    const cdx = join(out, "sbom.cdx.json");
    const args = [cli, "sbom", `docker-archive:${archive()}`, "-o", `cyclonedx-json=${cdx}`];
    const child = spawnSync(process.execPath, args, {
      encoding: "utf8",
      env: { ...process.env, LADING_CACHE_DIR: join(out, "layer-cache") },
      maxBuffer: 256 << 20,
    });
    if (child.status !== 0) throw new Error(`lading exited ${child.status}: ${child.stderr}`);
    components = JSON.parse(readFileSync(cdx, "utf8")).components ?? [];
  });

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  const component = (purl: string) => components.filter((c) => c.purl === purl);
  const layerOf = (c: { properties?: Prop[] }) =>
    c.properties?.find((p) => p.name === "lading:layer:diffId")?.value;

  it("lists the npm packages with purl, version, licence and layer", () => {
    for (const n of app.npm) {
      const found = component(`pkg:npm/${n.name}@${n.version}`);
      const licensed = found.filter((c) => JSON.stringify(c.licenses ?? []).includes(n.license));
      expect(licensed.length, n.name).toBeGreaterThan(0);
      for (const c of found) expect([c.version, layerOf(c)]).toEqual([n.version, appLayer]);
    }
  });

  it("lists the Go modules and the OS-owned Python and Java packages once, in the layer", () => {
    const purls = [
      "pkg:golang/example.com/lading/app-go",
      "pkg:golang/github.com/google/uuid@v1.3.0",
      `pkg:golang/stdlib@${app.goVersion}`,
      "pkg:pypi/six@1.16.0",
      "pkg:pypi/certifi@2022.9.24",
      "pkg:maven/org.apache.commons/commons-lang3@3.12.0",
    ];
    for (const purl of purls) {
      expect(component(purl).length, purl).toBe(1);
      expect(layerOf(component(purl)[0] ?? {}), purl).toBe(appLayer);
    }
    for (const purl of ["pkg:pypi/six@1.16.0", "pkg:pypi/certifi@2022.9.24"]) {
      expect(component(purl)[0]?.licenses?.length, purl).toBe(1);
    }
  });
});
