import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { distroDetector } from "../distro/distro.js";
import {
  buildTree,
  catalogLayers,
  readExpected,
  sideBySide,
  testLayerId,
} from "../test-helpers.js";
import { dpkgCataloger } from "./dpkg-cataloger.js";
import { opkgCataloger } from "./opkg-cataloger.js";

const TESTDATA = join(import.meta.dirname, "testdata");
const fixture = (dir: string) => join(TESTDATA, dir);

/** Expectations that assume an option Lading does not have, with the reason. */
const SKIPPED: Record<string, string> = {
  "expected.statusfield-including-not-installed.json":
    "scalibr option that also reports packages that are not installed",
};

/** Catalogs a fixture directory the way a scan would: distro first, then the cataloger. */
async function catalogFixture(dir: string) {
  const layers = [{ dirs: [fixture(dir)] }];
  const distro = distroDetector.detect(buildTree(layers, distroDetector));
  const cataloger = existsSync(join(fixture(dir), "var/lib/opkg")) ? opkgCataloger : dpkgCataloger;
  return catalogLayers(cataloger, layers, distro);
}

describe("dpkg and opkg against the corpus expectations", () => {
  for (const dir of readdirSync(TESTDATA).sort()) {
    for (const file of readdirSync(fixture(dir)).filter((f) => /^expected.*\.json$/.test(f))) {
      if (file === "expected-relationships.json") continue;
      it.skipIf(file in SKIPPED)(`${dir}/${file}`, async () => {
        const expected = readExpected(join(fixture(dir), file));
        const result = await catalogFixture(dir);
        // Syft keeps a record without a version as a package; Lading reports it as unknown.
        const versionless = expected.filter((p) => p.version === null);
        const { got, want } = sideBySide(
          result.packages,
          expected.filter((p) => p.version !== null),
        );
        expect(got).toEqual(want);
        for (const p of versionless) {
          expect(result.unknowns.map((u) => u.reason)).toContainEqual(
            expect.stringContaining(`(${p.name}) has no Version field`),
          );
        }
      });
    }
  }
});

/** What dpkg itself reports for a status file: `name arch version` of installed packages. */
function dpkgQuery(status: Buffer): string[] {
  const admin = mkdtempSync(join(tmpdir(), "lading-dpkg-"));
  mkdirSync(join(admin, "info"));
  mkdirSync(join(admin, "updates"));
  // dpkg refuses CRLF line ends, which Lading accepts; the oracle gets plain line ends.
  writeFileSync(join(admin, "status"), status.toString("utf8").replaceAll("\r\n", "\n"));
  // dpkg-query's own format placeholders, not a JavaScript template.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query format syntax
  const format = "${Package} ${Architecture} ${Version} ${Status}\\n";
  const out = execFileSync("dpkg-query", [`--admindir=${admin}`, "-W", `-f=${format}`]);
  return out
    .toString("utf8")
    .split("\n")
    .filter((line) => line.endsWith(" installed") && !line.endsWith("not-installed"))
    .map((line) => line.split(" ").slice(0, 3).join(" "))
    .sort();
}

describe("dpkg dependencies against syft's resolved dependency graphs", () => {
  const graphs = readdirSync(TESTDATA).filter((d) =>
    existsSync(join(fixture(d), "expected-relationships.json")),
  );
  for (const dir of graphs) {
    it(dir, async () => {
      const { packages, unknowns } = await catalogFixture(dir);
      const path = join(fixture(dir), "expected-relationships.json");
      const edges = JSON.parse(readFileSync(path, "utf8")) as Record<string, string[]>;
      const byName = new Map(packages.map((p) => [p.name, p]));
      const provided = (name: string) => (byName.get(name)?.metadata?.provides as string[]) ?? [];
      for (const [from, targets] of Object.entries(edges)) {
        const depends = (byName.get(from)?.metadata?.depends as string[]) ?? [];
        for (const to of targets) {
          // Syft keeps a record without a version as a package; Lading reports it as unknown.
          if (!byName.has(to)) {
            const reasons = unknowns.map((u) => u.reason);
            expect(reasons).toContainEqual(expect.stringContaining(`(${to}) has no Version`));
            continue;
          }
          const names = [to, ...provided(to)];
          expect(
            names.some((n) => depends.includes(n)),
            `${from} → ${to}`,
          ).toBe(true);
        }
      }
    });
  }
});

describe("dpkg against dpkg-query on real status databases", () => {
  const real = ["cdxgen-debian-status", "cdxgen-ubuntu-status", "claircore-debian-only"];
  for (const dir of [...real, "claircore-postgresql", "claircore-texlive"]) {
    it(dir, async () => {
      const status = readFileSync(join(fixture(dir), "var/lib/dpkg/status"));
      const { packages, unknowns } = await catalogFixture(dir);
      const got = packages.map((p) => `${p.name} ${p.arch} ${p.version}`).sort();
      expect(got).toEqual(dpkgQuery(status));
      expect(got.length).toBeGreaterThan(0);
      expect(unknowns).toEqual([]);
    });
  }
});

describe("dpkg details", () => {
  it("reads source, maintainer, synopsis, size and purl of a status record", async () => {
    const { packages } = await catalogFixture("scalibr-dpkg-dpkg-valid");
    expect(packages.find((p) => p.name === "util-linux-extra")).toMatchObject({
      source: { name: "util-linux", version: "2.38.1-5" },
      maintainer: "util-linux packagers <util-linux@packages.debian.org>",
      metadata: { depends: ["libaudit1", "libc6", "libsmartcols1"] },
      purl: "pkg:deb/debian/util-linux-extra@2.38.1-5%2Bb1?arch=amd64&upstream=util-linux%402.38.1-5",
      foundBy: "dpkg",
      foundHow: "installed",
      locations: [{ path: "/var/lib/dpkg/status", layer: testLayerId(0) }],
      layer: testLayerId(0),
    });
  });

  it("lists owned files from md5sums and conffiles", async () => {
    const { packages } = await catalogFixture("syft-image-dpkg");
    const pam = packages[0];
    // The fixture's md5sums (copied from syft) lists zlib's files; it is read as it stands.
    expect(pam?.files).toEqual([
      "/lib/x86_64-linux-gnu/libz.so.1.2.11",
      "/usr/share/doc/zlib1g/changelog.Debian.gz",
      "/usr/share/doc/zlib1g/changelog.gz",
      "/usr/share/doc/zlib1g/copyright",
      "/etc/pam.conf",
      "/etc/pam.d/other",
    ]);
    expect(pam?.description).toBe("Runtime support for the PAM library");
    expect(pam?.locations.map((l) => l.path)).toEqual([
      "/var/lib/dpkg/status",
      "/var/lib/dpkg/info/libpam-runtime.md5sums",
    ]);
  });

  it("lists owned files of a distroless package from status.d md5sums", async () => {
    const { packages } = await catalogFixture("syft-image-distroless-deb");
    expect(packages[0]?.files).toContain("/usr/lib/aarch64-linux-gnu/libsqlite3.so.0.8.6");
    expect(packages[0]?.locations[0]?.path).toBe("/var/lib/dpkg/status.d/libsqlite3-0");
  });

  it("keeps a broken record as an unknown and reads the rest", async () => {
    const { packages, unknowns } = await catalogFixture("claircore-vcpkg");
    // vcpkg writes feature records (`Feature: ssl`) without a Version, one per feature.
    const text = readFileSync(join(fixture("claircore-vcpkg"), "var/lib/dpkg/status"), "utf8");
    const versions = text.match(/^Version: /gm)?.length ?? 0;
    const features = text.match(/^Feature: /gm)?.length ?? 0;
    expect(packages.length).toBe(versions);
    expect(unknowns.length).toBe(features);
    for (const unknown of unknowns) {
      expect(unknown).toEqual({
        path: "/var/lib/dpkg/status",
        layer: testLayerId(0),
        cataloger: "dpkg",
        reason: expect.stringMatching(
          /^record at line \d+ \((curl|libarchive)\) has no Version field$/,
        ),
      });
    }
  });
});
