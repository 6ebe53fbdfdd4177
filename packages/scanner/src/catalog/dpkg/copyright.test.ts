import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyrightPathOf, isCopyrightPath, readCopyrightLicenses } from "./copyright.js";

const DOC = join(import.meta.dirname, "testdata/debian-bookworm-copyright/usr/share/doc");
const licensesOf = (pkg: string) =>
  readCopyrightLicenses(readFileSync(join(DOC, pkg, "copyright"), "utf8"));

describe("isCopyrightPath", () => {
  it("wants a package's own copyright file, at exactly /usr/share/doc/<package>/copyright", () => {
    expect(isCopyrightPath("/usr/share/doc/bash/copyright")).toBe(true);
    expect(isCopyrightPath("/usr/share/doc/libstdc++6/copyright")).toBe(true);
    expect(isCopyrightPath("/usr/share/doc/copyright")).toBe(false);
    expect(isCopyrightPath("/usr/share/doc//copyright")).toBe(false);
    expect(
      isCopyrightPath(
        "/usr/share/doc/ca-certificates/examples/ca-certificates-local/debian/copyright",
      ),
    ).toBe(false);
    expect(isCopyrightPath("/usr/share/doc/bash/copyright.gz")).toBe(false);
    expect(isCopyrightPath("/usr/local/share/doc/bash/copyright")).toBe(false);
  });

  it("finds a multi-arch package's file under its bare name", () => {
    expect(copyrightPathOf("libc6:amd64")).toBe("/usr/share/doc/libc6/copyright");
    expect(copyrightPathOf("zlib1g")).toBe("/usr/share/doc/zlib1g/copyright");
  });
});

describe("readCopyrightLicenses on Debian 12 copyright files", () => {
  it("reads every License field of a machine-readable file, mapped to SPDX where it can be", () => {
    expect(licensesOf("bash")).toEqual([
      "GPL-3.0-or-later",
      "GPL-3.0-or-later WITH Bison-exception-2.2",
      "GPL-2.0-or-later",
      "GFDL-1.3-no-invariants-only",
      "Latex2e",
      "BSD-4-clause-UC and MIT-like",
      "BSD-4-Clause-UC",
      "MIT-like",
      "permissive",
    ]);
    expect(licensesOf("coreutils")).toEqual([
      "GPL-3.0-or-later",
      "GPL-3.0-or-later AND BSD-4-Clause-UC",
      "BSD-4-Clause-UC",
      "GPL-3.0-or-later AND ISC",
      "ISC",
      "FSFULLR",
      "GFDL-1.3-no-invariants-only",
    ]);
    expect(licensesOf("zlib1g")).toEqual(["Zlib"]);
  });

  it("merges spellings that name one licence, and keeps what SPDX cannot say", () => {
    expect(licensesOf("curl")).toEqual([
      "curl",
      "OLDAP-2.8",
      "ISC",
      "GPL-2+ with Autoconf-data exception",
      "GPL-3+ with Autoconf-data exception",
      "GPL-2.0-or-later WITH Libtool-exception",
      "BSD-3-Clause",
      "BSD-4-Clause-UC",
      "FSFULLR",
      "X11",
    ]);
    expect(licensesOf("libjq1")).toEqual(["MIT", "CC-BY-3.0", "GPL-2.0-or-later"]);
  });

  it("keeps choices and exceptions as SPDX expressions", () => {
    expect(licensesOf("openssl")).toEqual([
      "Apache-2.0",
      "Artistic-1.0-Perl OR GPL-1.0-or-later",
      "Artistic-1.0-Perl",
      "GPL-1.0-or-later",
    ]);
    expect(licensesOf("libcap2")).toEqual([
      "BSD-3-Clause OR GPL-2.0-only",
      "BSD-3-Clause OR GPL-2.0-or-later",
      "BSD-3-Clause",
      "GPL-2.0-only",
      "GPL-2.0-or-later",
    ]);
    expect(licensesOf("libsystemd0")).toContain("GPL-2.0-only WITH Linux-syscall-note");
  });

  it("reads a free-form file from its pointers to /usr/share/common-licenses", () => {
    expect(licensesOf("libc6")).toEqual(["LGPL-2.1-only", "GPL-2.0-only"]);
    // `/usr/share/common-licenses/GPL.` ends a sentence: the full stop is not part of the name.
    expect(licensesOf("gcc-12-base")).toEqual([
      "GPL",
      "GPL-3.0-only",
      "GFDL-1.2-only",
      "GPL-2.0-only",
      "Artistic-1.0-Perl",
      "LGPL",
    ]);
    expect(licensesOf("base-files")).toEqual(["GPL"]);
  });

  it("finds nothing in a file that names its licences only in prose", () => {
    // libcrypt1 points to the directory `/usr/share/common-licenses/ .`, not to a licence.
    expect(licensesOf("libcrypt1")).toEqual([]);
  });

  it("ignores a License field with no short name on its first line", () => {
    const text = "Format: x\n\nFiles: *\nLicense:\n GPL-2 text on the next line\n";
    expect(readCopyrightLicenses(text)).toEqual([]);
  });
});
