import { describe, expect, it } from "vitest";
import { debianToSpdx, spdxIdOf } from "./debian-license.js";

/** DEP-5 short names as Debian's bookworm copyright files write them, and their SPDX form. */
const MAPPED: [string, string][] = [
  ["GPL-2", "GPL-2.0-only"],
  ["GPL-2+", "GPL-2.0-or-later"],
  ["GPL-2.0+", "GPL-2.0-or-later"],
  ["GPLv3+", "GPL-3.0-or-later"],
  ["GPL-1+", "GPL-1.0-or-later"],
  ["LGPL-2.1+", "LGPL-2.1-or-later"],
  ["LGPLv2.1+", "LGPL-2.1-or-later"],
  ["LGPL-2", "LGPL-2.0-only"],
  ["AGPL-3+", "AGPL-3.0-or-later"],
  ["GFDL-NIV-1.3", "GFDL-1.3-no-invariants-only"],
  ["GFDL-1.3+", "GFDL-1.3-or-later"],
  ["Expat", "MIT"],
  ["Artistic", "Artistic-1.0-Perl"],
  ["Artistic-2.0", "Artistic-2.0"],
  ["BSD-3-clause", "BSD-3-Clause"],
  ["BSD-4-clause-UC", "BSD-4-Clause-UC"],
  ["Apache-2", "Apache-2.0"],
  ["MPL-1.1+", "MPL-1.1+"],
  ["OpenLDAP-2.8", "OLDAP-2.8"],
  ["zlib", "Zlib"],
  ["curl", "curl"],
  ["CC0", "CC0-1.0"],
  ["FSFULLR", "FSFULLR"],
  ["GPL-1+ or Artistic", "GPL-1.0-or-later OR Artistic-1.0-Perl"],
  ["GPL-3+ and BSD-4-clause-UC", "GPL-3.0-or-later AND BSD-4-Clause-UC"],
  ["GPL-3+ with Bison exception", "GPL-3.0-or-later WITH Bison-exception-2.2"],
  ["GPL-2 with Linux-syscall-note exception", "GPL-2.0-only WITH Linux-syscall-note"],
  ["GPL-3+ with Autoconf exception", "GPL-3.0-or-later WITH Autoconf-exception-3.0"],
  ["Perl and ISC", "(Artistic-1.0-Perl OR GPL-1.0-or-later) AND ISC"],
  [
    "GPL-2+ or Artistic-2.0, and BSD-3-clause",
    "(GPL-2.0-or-later OR Artistic-2.0) AND BSD-3-Clause",
  ],
];

/** Names SPDX has no id for: the caller keeps them as Debian wrote them. */
const UNMAPPED = [
  "public-domain",
  "permissive",
  "GPL",
  "LGPL",
  "MIT-like",
  "BSD-4-clause-UC and MIT-like",
  "GPL-2+ with Autoconf-data exception",
  "BSD-3-clause or GPL",
  "LGPLv3+_or_GPLv2+",
  "REGCOMP, and GPL-1+ or Artistic",
];

describe("debianToSpdx", () => {
  it.each(MAPPED)("maps %s to %s", (debian, spdx) => {
    expect(debianToSpdx(debian)).toBe(spdx);
  });

  it.each(UNMAPPED)("leaves %s unmapped", (debian) => {
    expect(debianToSpdx(debian)).toBeUndefined();
  });
});

describe("spdxIdOf", () => {
  it("reads the names of /usr/share/common-licenses", () => {
    const names = ["Apache-2.0", "Artistic", "CC0-1.0", "GFDL-1.2", "GPL-3", "LGPL-2.1", "MPL-2.0"];
    expect(names.map(spdxIdOf)).toEqual([
      "Apache-2.0",
      "Artistic-1.0-Perl",
      "CC0-1.0",
      "GFDL-1.2-only",
      "GPL-3.0-only",
      "LGPL-2.1-only",
      "MPL-2.0",
    ]);
    expect(spdxIdOf("GPL")).toBeUndefined();
  });
});
