/**
 * Hostile layers, each with what a scan of it must show beyond "no crash, no hang, nothing
 * written": paths that climb out are skipped with an unknown, links resolve inside the image
 * (the host's own files, which exist on the machine running the test, are never read), and
 * release files and package databases behind loops are simply not found.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";
import type { ScanResult } from "../types.js";
import { type BuiltBlob, type HostileEntry, writeLayer } from "./hostile-tar.fixture.js";
import { fixChecksums } from "./tar-mutate.fixture.js";

/** A hostile layer: how to write it and what any scan that returns must show. */
export interface LayerCase {
  name: string;
  build(path: string): Promise<BuiltBlob>;
  expectResult(result: ScanResult): void;
}

const DPKG_STATUS = [
  "Package: hostile-pkg",
  "Status: install ok installed",
  "Version: 6.6.6",
  "Architecture: amd64",
  "",
  "",
].join("\n");

const osRelease = (id: string) => `ID=${id}\nVERSION_ID=1\n`;
const packageJson = (name: string, version: string) => JSON.stringify({ name, version });
const reasons = (r: ScanResult) => r.unknowns.map((u) => u.reason).join("\n");
const debs = (r: ScanResult) => r.packages.filter((p) => p.type === "deb");

function expectHostOutOfReach(result: ScanResult): void {
  // The test machine is Debian with hundreds of dpkg packages: none may show up.
  expect(debs(result)).toEqual([]);
  expect(result.packages.map((p) => p.name)).not.toContain("root");
}

const traversal: LayerCase = {
  name: "entries with ../ and absolute paths",
  build: (path) =>
    writeLayer(path, [
      { name: "etc/os-release", body: osRelease("hostile") },
      { name: "../../../../canary/evil", body: "escaped" },
      { name: "./../escape", body: "escaped" },
      { name: "a/../../../b", body: "escaped" },
      { name: "/../../etc/passwd", body: "root:x:0:0::/:/bin/sh\n" },
      { name: "../var/lib/dpkg/status", body: DPKG_STATUS },
      { name: "/abs/node_modules/ok/package.json", body: packageJson("absolute-ok", "1.0.0") },
      { name: "../link-out", type: "symlink", linkname: "../../../../etc" },
    ]),
  expectResult(result) {
    expect(result.distro?.id).toBe("hostile");
    expect(reasons(result).match(/climbs above the image root/g)).toHaveLength(6);
    expectHostOutOfReach(result);
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toContain("absolute-ok@1.0.0");
  },
};

const symlinkLoops: LayerCase = {
  name: "symlink loops at the paths catalogers read",
  build: (path) =>
    writeLayer(path, [
      { name: "etc/os-release", type: "symlink", linkname: "os-release" },
      { name: "usr/lib/os-release", type: "symlink", linkname: "os-release2" },
      { name: "usr/lib/os-release2", type: "symlink", linkname: "/usr/lib/os-release" },
      { name: "var/lib/dpkg", type: "symlink", linkname: "../lib/dpkg" },
      { name: "var/lib/dpkg/status", body: DPKG_STATUS },
      { name: "loop/a", type: "symlink", linkname: "b" },
      { name: "loop/b", type: "symlink", linkname: "a" },
      { name: "loop/self", type: "symlink", linkname: "." },
      { name: "loop/up", type: "symlink", linkname: ".." },
      { name: "loop/deep", type: "symlink", linkname: "deep/x" },
      { name: "app/node_modules", type: "symlink", linkname: "../app" },
      { name: "app/package.json", type: "symlink", linkname: "node_modules/package.json" },
      { name: "loop/a/package.json", body: packageJson("under-a-loop", "1.0.0") },
    ]),
  expectResult(result) {
    expect(result.distro).toBeUndefined();
    expect(debs(result)).toEqual([]);
    expect(reasons(result)).toMatch(/symlink loop/);
  },
};

const symlinkOutside: LayerCase = {
  name: "symlinks to host files and out of the root",
  build: (path) =>
    writeLayer(path, [
      { name: "usr/lib/os-release", body: osRelease("inside") },
      { name: "etc/os-release", type: "symlink", linkname: "../../../../../usr/lib/os-release" },
      { name: "etc/lsb-release", type: "symlink", linkname: "/proc/1/root/etc/lsb-release" },
      { name: "etc/debian_version", type: "symlink", linkname: "/../../etc/shadow" },
      {
        name: "var/lib/dpkg/status",
        type: "symlink",
        linkname: "/proc/self/root/var/lib/dpkg/status",
      },
      { name: "var/lib/dpkg/status.d/x", type: "symlink", linkname: "/../../var/lib/dpkg/status" },
      { name: "app/package.json", type: "symlink", linkname: "/etc/passwd" },
      { name: "app2", type: "symlink", linkname: "/../../../../usr/lib/node_modules/npm" },
    ]),
  expectResult(result) {
    // Climbing out of the root ends at the root: the image's os-release, not the host's Debian.
    expect(result.distro?.id).toBe("inside");
    expectHostOutOfReach(result);
    expect(result.packages.filter((p) => p.type === "npm")).toEqual([]);
  },
};

function* chain(prefix: string, length: number, end: string): Generator<HostileEntry> {
  for (let i = 0; i < length; i++) {
    const next = i === length - 1 ? end : `${prefix}${i + 1}`;
    yield { name: `${prefix}${i}`, type: "symlink", linkname: next };
  }
}

const symlinkChains: LayerCase = {
  name: "long symlink chains",
  build: (path) =>
    writeLayer(path, [
      { name: "usr/lib/os-release", body: osRelease("chain") },
      // 39 links then the file: within Linux's 40 hops, so the release file is found.
      ...chain("etc/l", 39, "/usr/lib/os-release"),
      { name: "etc/os-release", type: "symlink", linkname: "l0" },
      { name: "var/lib/dpkg/real", body: DPKG_STATUS },
      ...chain("var/lib/dpkg/c", 5000, "/var/lib/dpkg/real"),
      { name: "var/lib/dpkg/status", type: "symlink", linkname: "c0" },
    ]),
  expectResult(result) {
    expect(result.distro?.id).toBe("chain");
    expect(debs(result)).toEqual([]);
  },
};

const hardLinks: LayerCase = {
  name: "hard links out of the root, to missing files and to themselves",
  build: (path) =>
    writeLayer(path, [
      { name: "usr/lib/os-release", body: osRelease("linked") },
      { name: "h-out", type: "link", linkname: "../../../etc/passwd" },
      { name: "h-abs", type: "link", linkname: "/etc/shadow" },
      { name: "h-self", type: "link", linkname: "h-self" },
      { name: "h-loop1", type: "link", linkname: "h-loop2" },
      { name: "h-loop2", type: "link", linkname: "h-loop1" },
      { name: "var/lib/dpkg/status", type: "link", linkname: "../../../../../etc/passwd" },
      { name: "etc/lsb-release", type: "link", linkname: "/proc/self/root/etc/os-release" },
      { name: "etc/os-release", type: "link", linkname: "usr/lib/os-release" },
      { name: "app/package.json", type: "link", linkname: "/etc/passwd" },
    ]),
  expectResult(result) {
    expect(result.distro?.id).toBe("linked");
    expectHostOutOfReach(result);
  },
};

/** 4,200 bytes of path, so the name travels in a PAX record. */
const LONG_DIR = `app/${Array.from({ length: 40 }, (_, i) => `${i}`.padEnd(100, "x")).join("/")}`;
const ESCAPES = "\n\r\u001b[31mred\u001b[0m\u001b]0;title\u0007";

const hostileNames: LayerCase = {
  name: "names with control characters, invalid UTF-8, NUL and 4 KiB PAX paths",
  build: async (path) => {
    const written = await writeLayer(path, [
      // The name field ends at the NUL: this is /etc/os-release, which the next entry replaces.
      { name: "etc/os-release\u0000ignored", body: "ID=ignored\n" },
      { name: "etc/os-release", body: `ID=esc\u001b[2J\nVERSION_ID="1\u001b]0;x\u0007"\n` },
      {
        name: `app/${ESCAPES}/node_modules/evil/package.json`,
        body: packageJson(`evil${ESCAPES}`, `1.0.0${ESCAPES}`),
      },
      { name: `${LONG_DIR}/node_modules/long/package.json`, body: packageJson("long", "2.0.0") },
      { name: "app/INVL/node_modules/badutf/package.json", body: packageJson("badutf", "3.0.0") },
      {
        name: "app/nul",
        pax: { path: "app/nul\u0000x/node_modules/nul/package.json" },
        body: packageJson("nul", "4.0.0"),
      },
    ]);
    return patchName(written, "INVL", [0xff, 0xfe, 0xc3, 0x28]);
  },
  expectResult(result) {
    const found = result.packages.map((p) => p.name);
    expect(found).toContain("long");
    expect(found).toContain("badutf");
    expect(found).toContain(`evil${ESCAPES}`);
    expect(result.distro?.id).toBe("esc\u001b[2j");
  },
};

/** Replaces `marker` in the tar's headers by raw bytes (invalid UTF-8) and fixes checksums. */
function patchName(blob: BuiltBlob, marker: string, bytes: number[]): BuiltBlob {
  const tar = readFileSync(blob.path);
  const at = tar.indexOf(marker, 0, "latin1");
  Buffer.from(bytes).copy(tar, at);
  fixChecksums(tar);
  writeFileSync(blob.path, tar);
  const digest = `sha256:${createHash("sha256").update(tar).digest("hex")}`;
  return { ...blob, digest, diffId: digest };
}

/** Every small hostile layer. */
export const layerCases: readonly LayerCase[] = [
  traversal,
  symlinkLoops,
  symlinkOutside,
  symlinkChains,
  hardLinks,
  hostileNames,
];
