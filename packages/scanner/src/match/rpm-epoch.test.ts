import { describe, expect, it } from "vitest";
import { matchPackages } from "./match.js";
import { pkg, testDb } from "./match-test-helpers.js";

// ALSA-2023:5259 (AlmaLinux 8; aliases CVE-2022-32084, CVE-2022-32091, the first preferred as
// the finding id): mariadb fixed in 3:10.3.39-1.module_el8.8.0+3609+204d4ab0.
const distro = { id: "almalinux", versionId: "8.8" };

describe("rpm epochs", () => {
  it("matches a version that already carries its epoch, as the rpm cataloger writes it", async () => {
    const db = await testDb("osv/ALSA-2023:5259.json");
    const affected = pkg("rpm", "mariadb", "3:10.3.35-1.module_el8.6.0+2860", { epoch: 3 });
    const patched = pkg("rpm", "mariadb", "3:10.3.39-1.module_el8.8.0+3609+204d4ab0", {
      epoch: 3,
    });
    const result = matchPackages({ packages: [affected, patched], distro }, db);
    expect(result.findings.map((f) => [f.id, f.package.version])).toEqual([
      ["CVE-2022-32084", "3:10.3.35-1.module_el8.6.0+2860"],
    ]);
  });

  it("adds an epoch given apart from the version (Trivy-style SBOM input)", async () => {
    const db = await testDb("osv/ALSA-2023:5259.json");
    const affected = pkg("rpm", "mariadb", "10.3.35-1.module_el8.6.0+2860", { epoch: 3 });
    const result = matchPackages({ packages: [affected], distro }, db);
    expect(result.findings.map((f) => f.id)).toEqual(["CVE-2022-32084"]);
  });
});
