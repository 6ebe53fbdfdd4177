import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  describeWithTestImages,
  type ExpectedPackage,
  loadTestImages,
  type TestImages,
} from "../../../../test/support/test-images.js";
import type { Finding } from "../match/types.js";
import type { Package } from "../types.js";
import type { DiffInput } from "./diff-images.js";
import { diffImages, scanForDiff } from "./diff-images.js";
import { renderDiff } from "./render-diff.js";
import { truncatedOciLayout } from "./truncated-image.fixture.js";
import type { ImageDiff } from "./types.js";

// Expected sets are read independently of the catalogers: the Debian image's packages from the
// dpkg-query listings its build script wrote after each layer (expected-layer-N.tsv); alpine's
// from its /lib/apk/db/installed read out of the tarball with tar and the P:/V:/A: lines.
const alpineImage = join(import.meta.dirname, "../../../../examples/alpine-310.tar.gz");
const testdata = join(import.meta.dirname, "testdata");
const withImages = describeWithTestImages("Debian image diffs");

const debIds = (list: ExpectedPackage[]) => list.map((p) => `deb/debian/${p.name}?arch=${p.arch}`);
const names = (list: { identity: string }[]) => list.map((p) => p.identity).sort();
const minus = (a: string[], b: string[]) => a.filter((x) => !b.includes(x)).sort();

function apkInstalledFromTarball(): string[] {
  const layer = spawnSync(
    "sh",
    ["-c", `tar -xzOf ${alpineImage} --wildcards '*/layer.tar' | tar -xO lib/apk/db/installed`],
    {
      encoding: "utf8",
      maxBuffer: 16 << 20,
    },
  );
  return apkIdentities(layer.stdout);
}

function apkIdentities(installed: string): string[] {
  return installed
    .split("\n\n")
    .map((block) => Object.fromEntries(block.split("\n").map((l) => [l[0], l.slice(2)])))
    .filter((r) => r.P)
    .map((r) => `apk/alpine/${r.P}?arch=${r.A}`)
    .sort();
}

withImages("alpine 3.10 against the Debian test image", () => {
  let images: TestImages;
  let diff: ImageDiff;
  beforeAll(async () => {
    images = loadTestImages();
    const a = await scanForDiff(`docker-archive:${alpineImage}`);
    const b = await scanForDiff(`docker-archive:${join(images.dir, "debian-test.docker.tar")}`);
    diff = diffImages(a, b, { findingsNotCompared: "no database in this test" });
  }, 120_000);

  it("removes every apk package and adds every deb package; none is the same package", () => {
    const expectedAdded = debIds(images.layerPackages[2] ?? []).sort();
    expect(names(diff.packages.removed)).toEqual(apkInstalledFromTarball());
    expect(names(diff.packages.added)).toEqual(expectedAdded);
    expect(diff.packages.upgraded).toEqual([]);
    expect(diff.packages.downgraded).toEqual([]);
    expect(diff.packages.unchanged).toBe(0);
  });

  it("shares no base layer, and says why findings were not compared", () => {
    expect(diff.layers.sharedBase).toEqual([]);
    expect(diff.layers.onlyA).toHaveLength(1);
    expect(diff.layers.onlyB.map((l) => l.diffId)).toEqual(
      images.manifest.layers.map((l) => l.diffId),
    );
    expect(diff.findings).toEqual({ compared: false, reason: "no database in this test" });
  });
});

withImages("earlier forms of the Debian test image", () => {
  let images: TestImages;
  const sides = new Map<number, Omit<DiffInput, "findings">>();
  beforeAll(async () => {
    images = loadTestImages();
    const oci = join(images.dir, images.manifest.outputs.ociDir.path);
    const tag = images.manifest.outputs.ociDir.tag;
    for (const keep of [1, 2])
      sides.set(keep, await scanForDiff(`oci-dir:${truncatedOciLayout(oci, tag, keep)}`));
    sides.set(3, await scanForDiff(`oci-dir:${oci}`));
  }, 180_000);

  const side = (n: number) => {
    const s = sides.get(n);
    if (!s) throw new Error(`no ${n}-layer form`);
    return s;
  };

  it("2 → 3 layers: the purge of less is the only change, on a shared 2-layer base", () => {
    const diff = diffImages(side(2), side(3));
    const [two, three] = [
      debIds(images.layerPackages[1] ?? []),
      debIds(images.layerPackages[2] ?? []),
    ];
    expect(names(diff.packages.removed)).toEqual(minus(two, three));
    expect(names(diff.packages.removed)).toEqual(["deb/debian/less?arch=amd64"]);
    expect(diff.packages.added).toEqual([]);
    expect(diff.packages.unchanged).toBe(three.length);
    expect(diff.layers.sharedBase.map((l) => l.diffId)).toEqual(
      images.manifest.layers.slice(0, 2).map((l) => l.diffId),
    );
    expect(diff.layers.onlyA).toEqual([]);
    expect(diff.layers.onlyB.map((l) => l.diffId)).toEqual([images.manifest.layers[2]?.diffId]);
  });

  it("1 → 3 layers: what apt-get install added, less purged, on the shared debootstrap layer", () => {
    const diff = diffImages(side(1), side(3));
    const [one, three] = [
      debIds(images.layerPackages[0] ?? []),
      debIds(images.layerPackages[2] ?? []),
    ];
    expect(names(diff.packages.added)).toEqual(minus(three, one));
    expect(diff.packages.removed).toEqual([]);
    expect(diff.layers.sharedBase).toHaveLength(1);
    expect(diff.layers.delta.uncompressedBytes).toBe(
      side(3).layers.summary.uncompressedBytes - side(1).layers.summary.uncompressedBytes,
    );
  });

  it("3 → 2 layers reads backwards: less comes back", () => {
    const diff = diffImages(side(3), side(2));
    expect(names(diff.packages.added)).toEqual(["deb/debian/less?arch=amd64"]);
    expect(diff.layers.onlyA).toHaveLength(1);
    expect(diff.layers.onlyB).toEqual([]);
  });
});

describe("two real Alpine package databases (3.17 → 3.18)", () => {
  // testdata: cdxgen's and osv-scalibr's installed files. Read by hand, every package moves
  // up (musl 1.2.3-r4 → 1.2.4-r0, busybox 1.35.0-r29 → 1.36.0-r9, ...) but alpine-keys,
  // which stays at 2.4-r1.
  const expectedUpgrades = [
    "alpine-baselayout 3.4.0-r0 3.4.3-r1",
    "alpine-baselayout-data 3.4.0-r0 3.4.3-r1",
    "apk-tools 2.12.10-r1 2.14.0-r0",
    "busybox 1.35.0-r29 1.36.0-r9",
    "busybox-binsh 1.35.0-r29 1.36.0-r9",
    "ca-certificates-bundle 20220614-r2 20230506-r0",
    "libc-utils 0.7.2-r3 0.7.2-r5",
    "libcrypto3 3.0.7-r0 3.1.0-r4",
    "libssl3 3.0.7-r0 3.1.0-r4",
    "musl 1.2.3-r4 1.2.4-r0",
    "musl-utils 1.2.3-r4 1.2.4-r0",
    "scanelf 1.3.5-r1 1.3.7-r1",
    "ssl_client 1.35.0-r29 1.36.0-r9",
    "zlib 1.2.13-r0 1.2.13-r1",
  ];
  let older: Omit<DiffInput, "findings">;
  let newer: Omit<DiffInput, "findings">;
  beforeAll(async () => {
    older = await scanForDiff(`dir:${join(testdata, "alpine-installed-cdxgen")}`);
    newer = await scanForDiff(`dir:${join(testdata, "alpine-installed-scalibr")}`);
  });

  it("orders each version pair with apk's scheme: 14 upgrades, alpine-keys unchanged", () => {
    const diff = diffImages(older, newer);
    const rows = diff.packages.upgraded.map((c) => `${c.name} ${c.from} ${c.to}`);
    expect(rows).toEqual(expectedUpgrades);
    expect(diff.packages.upgraded.every((c) => c.scheme === "apk")).toBe(true);
    expect([diff.packages.added, diff.packages.removed, diff.packages.downgraded]).toEqual([
      [],
      [],
      [],
    ]);
    expect(diff.packages.unchanged).toBe(1);
  });

  it("says how each fixed finding went: the version B holds now, or that B removed it", () => {
    const on = (input: typeof older, name: string, id: string): Finding => {
      const pkg = input.result.packages.find((p) => p.name === name) as Package;
      const fix = { state: "fixed" as const, versions: ["9.9.9-r0"] };
      return {
        id,
        ids: [id],
        package: pkg,
        matchedAs: { ecosystem: "Alpine", name, version: pkg.version },
        fix,
        severity: "high",
        ratings: [],
        references: [],
        sources: ["test"],
      };
    };
    // B without scanelf, as if an upgrade had dropped it: its finding goes with it.
    const withoutScanelf = {
      ...newer,
      result: {
        ...newer.result,
        packages: newer.result.packages.filter((p) => p.name !== "scanelf"),
      },
    };
    const diff = diffImages(
      {
        ...older,
        findings: [on(older, "zlib", "CVE-2099-4001"), on(older, "scanelf", "CVE-2099-4002")],
      },
      { ...withoutScanelf, findings: [] },
    );
    if (!diff.findings.compared) throw new Error("findings were not compared");
    expect(diff.findings.fixed.map((f) => [f.package, f.version, f.inB])).toEqual([
      ["scanelf", "1.3.5-r1", "removed"],
      ["zlib", "1.2.13-r0", { version: "1.2.13-r1" }],
    ]);
    const table = renderDiff(diff, "table");
    expect(table).toMatch(/CVE-2099-4002\s+high\s+scanelf\s+1\.3\.5-r1\s+removed/);
    expect(table).toMatch(/CVE-2099-4001\s+high\s+zlib\s+1\.2\.13-r0\s+1\.2\.13-r1/);
    expect(renderDiff(diff, "markdown")).toContain(
      "| CVE-2099-4002 | high | scanelf | `1.3.5-r1` | removed |",
    );
  });

  it("the other way round, the same pairs are downgrades", () => {
    const diff = diffImages(newer, older);
    const rows = diff.packages.downgraded.map((c) => `${c.name} ${c.to} ${c.from}`);
    expect(rows).toEqual(expectedUpgrades);
    expect(diff.packages.upgraded).toEqual([]);
  });

  it("calls a version pair the scheme cannot read changed, never up or down", () => {
    const bad = {
      ...newer.result.packages[0],
      version: "not a version!",
    } as (typeof newer.result.packages)[0];
    const packages = newer.result.packages.map((p) => (p.name === bad.name ? bad : p));
    const diff = diffImages(older, { ...newer, result: { ...newer.result, packages } });
    expect(diff.packages.changed).toEqual([
      expect.objectContaining({
        name: bad.name,
        to: "not a version!",
        reason: '"not a version!" is not a apk version',
      }),
    ]);
  });
});
