import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Distro } from "../../types.js";
import { buildTree } from "../test-helpers.js";
import { distroDetector } from "./distro.js";
import { parseOsRelease } from "./parse-os-release.js";

const TESTDATA = join(import.meta.dirname, "testdata");
const cases = readdirSync(TESTDATA).sort();

function detect(dir: string): Distro | undefined {
  return distroDetector.detect(buildTree([{ dirs: [join(TESTDATA, dir)] }], distroDetector));
}

function expectedOf(dir: string): unknown {
  return JSON.parse(readFileSync(join(TESTDATA, dir, "expected.json"), "utf8"));
}

const hasExpected = (dir: string) => readdirSync(join(TESTDATA, dir)).includes("expected.json");

/**
 * Where syft's convention differs from ours, on purpose. Syft lets a Debian point release in
 * /etc/debian_version (13.5) replace os-release's VERSION_ID (13); we keep os-release's value,
 * so that purls carry `distro=debian-13` as the purl spec's examples do.
 */
const SYFT_DEVIATIONS: Record<string, Partial<Record<string, unknown>>> = {
  "syft-debian-with-point-release": { VERSION_ID: "13" },
};

type SyftRelease = Record<string, string | string[] | null> | null;

describe("distro from syft's release fixtures", () => {
  for (const dir of cases.filter((d) => d.startsWith("syft-"))) {
    it(dir, () => {
      const expected = expectedOf(dir) as SyftRelease;
      const distro = detect(dir);
      if (expected === null) return expect(distro).toBeUndefined();
      const want = { ...expected, ...SYFT_DEVIATIONS[dir] };
      expect(distro).toEqual({
        id: String(want.ID).toLowerCase(),
        ...optional("versionId", want.VERSION_ID),
        ...optional("version", want.VERSION),
        ...optional("versionCodename", want.VERSION_CODENAME),
        ...optional("name", want.NAME),
        ...optional("prettyName", want.PRETTY_NAME),
        ...optional("idLike", want.ID_LIKE),
      });
    });
  }
});

function optional(key: string, value: unknown): Record<string, unknown> {
  return value === undefined || value === null ? {} : { [key]: value };
}

interface ClaircoreExpected {
  parsed: Record<string, string>;
  distribution: Record<string, string>;
}

describe("os-release from claircore's fixtures", () => {
  for (const dir of cases.filter((d) => d.startsWith("claircore-") && hasExpected(d))) {
    it(dir, () => {
      const { parsed, distribution } = expectedOf(dir) as ClaircoreExpected;
      const text = readFileSync(join(TESTDATA, dir, "etc/os-release"), "utf8");
      expect(parseOsRelease(text)).toEqual(parsed);
      const distro = detect(dir);
      // Claircore rewrites some pretty names (Fedora's to "Fedora"); the file's own is kept.
      expect(distro?.prettyName).toBe(parsed.PRETTY_NAME);
      expect(distro).toMatchObject({
        id: distribution.did,
        name: distribution.name,
        versionId: distribution.version_id,
        ...optional("version", distribution.version),
        ...optional("versionCodename", distribution.version_code_name),
      });
    });
  }
});

/** Claircore's per-release fixtures carry no parse; the release is in the folder name. */
const RELEASE_FOLDERS: [RegExp, string][] = [
  [/^claircore-alpine-(\d+\.\d+)$/, "alpine"],
  [/^claircore-debian(?:-distroless)?-(\d+)$/, "debian"],
  [/^claircore-ubuntu-(\d+\.\d+)$/, "ubuntu"],
  [/^claircore-rhel-(\d+)$/, "rhel"],
  [/^claircore-rhel-atomichost-(\d+)$/, "rhel"],
  [/^claircore-rhel-oracle-(\d+)$/, "ol"],
];

describe("distro of claircore's per-release fixtures", () => {
  for (const dir of cases.filter((d) => d.startsWith("claircore-") && !hasExpected(d))) {
    const rule = RELEASE_FOLDERS.find(([pattern]) => pattern.test(dir));
    if (rule === undefined) continue;
    it(dir, () => {
      const version = rule[0].exec(dir)?.[1] as string;
      const distro = detect(dir);
      expect(distro?.id).toBe(rule[1]);
      expect(`${distro?.versionId}.`.startsWith(`${version}.`)).toBe(true);
    });
  }
  it("reads every claircore fixture that has a release in its name", () => {
    const named = cases.filter((d) => RELEASE_FOLDERS.some(([p]) => p.test(d)));
    expect(named.length).toBeGreaterThan(50);
  });
});

describe("distro detection order and robustness", () => {
  it("prefers os-release to the older release files", () => {
    expect(detect("claircore-rhel-7")).toMatchObject({ id: "rhel", versionId: "7.7" });
  });

  it("reads the codename of an lsb-release-only Ubuntu", () => {
    expect(detect("claircore-ubuntu-10.04")).toMatchObject({
      id: "ubuntu",
      versionId: "10.04",
      versionCodename: "lucid",
      prettyName: "Ubuntu 10.04 LTS",
    });
  });

  it("takes the vendor file over a redhat-release naming RHEL", () => {
    expect(detect("claircore-rhel-oracle-8")).toMatchObject({ id: "ol", versionId: "8.9" });
  });

  it("ignores a release file behind a symlink loop", () => {
    const tree = buildTree([{ files: { "/etc/alpine-release": "3.19.1\n" } }], distroDetector);
    tree.applyLayer({
      layerIndex: 1,
      entries: [
        { path: "/etc/os-release", type: "symlink", size: 0, mode: 0o777, linkTarget: "loop" },
        { path: "/etc/loop", type: "symlink", size: 0, mode: 0o777, linkTarget: "os-release" },
      ],
      whiteouts: [],
      opaqueDirs: [],
      captured: new Map(),
      unknowns: [],
      bytes: 0,
    });
    expect(distroDetector.detect(tree)).toMatchObject({ id: "alpine", versionId: "3.19.1" });
  });
});
