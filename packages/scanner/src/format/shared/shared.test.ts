import { describe, expect, it } from "vitest";
import { imageScan } from "../testdata/scan-results.js";
import { classifyLicense, declaredLicenses } from "./licenses.js";
import { parseContact } from "./maintainer.js";
import { assignPackageRefs } from "./package-refs.js";
import { shortDigest } from "./subject.js";

describe("classifyLicense", () => {
  it.each([
    ["MIT", { kind: "id", id: "MIT" }],
    [" Apache-2.0 ", { kind: "id", id: "Apache-2.0" }],
    ["GPL-2.0+", { kind: "expression", expression: "GPL-2.0+" }],
    ["MIT OR Apache-2.0", { kind: "expression", expression: "MIT OR Apache-2.0" }],
    [
      "GPL-2.0-only WITH Classpath-exception-2.0",
      { kind: "expression", expression: "GPL-2.0-only WITH Classpath-exception-2.0" },
    ],
    ["ASL 2.0", { kind: "name", name: "ASL 2.0" }],
    ["GPLv2+", { kind: "name", name: "GPLv2+" }],
    ["zlib", { kind: "id", id: "Zlib" }],
    ["mit", { kind: "id", id: "MIT" }],
  ])("sorts %j", (text, expected) => {
    expect(classifyLicense(text)).toEqual(expected);
  });

  it("drops blanks and repeats from declared licences", () => {
    expect(declaredLicenses(["MIT", " ", "MIT ", "BSD-2-Clause"])).toEqual(["MIT", "BSD-2-Clause"]);
    expect(declaredLicenses(undefined)).toEqual([]);
  });
});

describe("parseContact", () => {
  it.each([
    [
      "GNU Libc Maintainers <debian-glibc@lists.debian.org>",
      { name: "GNU Libc Maintainers", email: "debian-glibc@lists.debian.org" },
    ],
    ["<root@localhost.invalid>", { name: undefined, email: "root@localhost.invalid" }],
    ["sanvila@debian.org", { email: "sanvila@debian.org" }],
    [
      "Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>",
      { name: "Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>" },
    ],
    ["  ", undefined],
    [undefined, undefined],
  ])("reads %j", (text, expected) => {
    expect(parseContact(text)).toEqual(expected);
  });
});

describe("assignPackageRefs", () => {
  it("uses the purl, and adds the location when a purl repeats", () => {
    const refs = assignPackageRefs(imageScan.packages);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs[0]).toBe(imageScan.packages[0].purl);
    expect(refs[7]).toBe("pkg:npm/lodash@4.17.21|/app/vendor/node_modules/lodash/package.json");
  });

  it("numbers repeats that share their location too, and names a package without purl", () => {
    const pkg = { ...imageScan.packages[6] };
    const bare = { ...pkg, purl: "" };
    expect(assignPackageRefs([pkg, pkg, pkg, bare])).toEqual([
      "pkg:npm/lodash@4.17.21",
      "pkg:npm/lodash@4.17.21|/app/node_modules/lodash/package.json",
      "pkg:npm/lodash@4.17.21|2",
      "npm/lodash@4.17.21",
    ]);
  });
});

describe("shortDigest", () => {
  it("shows the first 12 hex digits", () => {
    expect(shortDigest("sha256:5d0aeceef7eeb5c2f3d4")).toBe("5d0aeceef7ee");
    expect(shortDigest(undefined)).toBeUndefined();
  });
});
