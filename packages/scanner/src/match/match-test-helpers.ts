import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Package } from "../types.js";
import { openVulnDb, type VulnDb } from "../vulndb/store/vuln-db.js";
import { importAdvisories } from "../vulndb/update.js";

/** Test-only: a database in a fresh temporary directory, built from the testdata paths given. */
export async function testDb(...paths: string[]): Promise<VulnDb> {
  const dir = mkdtempSync(join(tmpdir(), "lading-match-"));
  await importAdvisories(
    dir,
    paths.map((p) => join(import.meta.dirname, "testdata", p)),
  );
  return openVulnDb(dir);
}

/** Test-only: a package as a cataloger reports it, with only what matching reads. */
export function pkg(
  type: string,
  name: string,
  version: string,
  extra: Partial<Package> = {},
): Package {
  return {
    name,
    version,
    type,
    purl: `pkg:${type}/${name}@${version}`,
    foundBy: "test",
    foundHow: "installed",
    locations: [{ path: "/" }],
    ...extra,
  };
}
