import { describe, expect, it } from "vitest";
import { LicenseRefs } from "./licenses.js";

describe("LicenseRefs", () => {
  it("says NOASSERTION when nothing is declared", () => {
    expect(new LicenseRefs().declared(undefined)).toBe("NOASSERTION");
    expect(new LicenseRefs().declared([" "])).toBe("NOASSERTION");
  });

  it("joins several licences with AND, each in parentheses", () => {
    expect(new LicenseRefs().declared(["MIT", "BSD-3-Clause OR GPL-2.0-only"])).toBe(
      "(MIT) AND (BSD-3-Clause OR GPL-2.0-only)",
    );
  });

  it("defines each free-text licence once and keeps colliding names apart", () => {
    const refs = new LicenseRefs();
    expect(refs.declared(["ASL 2.0", "MIT"])).toBe("(LicenseRef-ASL-2.0) AND (MIT)");
    expect(refs.declared(["ASL 2.0"])).toBe("LicenseRef-ASL-2.0");
    expect(refs.declared(["ASL/2.0"])).toBe("LicenseRef-ASL-2.0-2");
    expect(refs.extracted().map((l) => [l.licenseId, l.extractedText])).toEqual([
      ["LicenseRef-ASL-2.0", "ASL 2.0"],
      ["LicenseRef-ASL-2.0-2", "ASL/2.0"],
    ]);
  });

  it("keeps a LicenseRef the package wrote itself and defines it, as the document must", () => {
    const refs = new LicenseRefs();
    expect(refs.declared(["LicenseRef-Proprietary"])).toBe("LicenseRef-Proprietary");
    expect(refs.extracted()).toEqual([
      {
        licenseId: "LicenseRef-Proprietary",
        name: "LicenseRef-Proprietary",
        extractedText: "LicenseRef-Proprietary",
      },
    ]);
  });
});
