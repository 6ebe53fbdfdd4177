import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scan } from "../../scan.js";
import type { ScanResult } from "../../types.js";
import { openVulnDb, type VulnDb } from "../../vulndb/store/vuln-db.js";
import { importAdvisories } from "../../vulndb/update.js";

/** Test-only: this folder's path. */
export const testdata = import.meta.dirname;

/**
 * Test-only: syft's gradle.lockfile fixture (commons-text 1.8, junit 4.12, joda-time 2.2,
 * hamcrest-core 1.3) scanned as a directory, and a database of the two GHSA records that name
 * its packages. From the records' ranges: commons-text 1.8 is in GHSA-599f-7c49-w659's
 * 1.5..1.10.0 (CVSS 3.1 9.8, critical), junit 4.12 in GHSA-269g-pwp5-87pp's 4.7..4.13.1
 * (CVSS 3.1 4.4, medium); joda-time and hamcrest-core are named by neither.
 */
export async function gradleCase(): Promise<{ result: ScanResult; db: VulnDb }> {
  const dir = mkdtempSync(join(tmpdir(), "lading-report-"));
  await importAdvisories(dir, [join(testdata, "osv")]);
  const result = await scan(`dir:${join(testdata, "java-gradle")}`);
  return { result, db: openVulnDb(dir) };
}
