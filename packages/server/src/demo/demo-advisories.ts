/** Imports the demo's advisories into the vulnerability database the server's matcher reads. */
import { importAdvisories, openVulnDb, VulnDbError } from "@lading/scanner";
import type { DemoManifest } from "./manifest.js";

/** Imports what is missing; returns the number of advisories the database then holds. */
export async function importDemoAdvisories(
  manifest: DemoManifest,
  vulnDbDir: string,
): Promise<{ imported: boolean; advisories: number }> {
  const imported = !hasSources(vulnDbDir, manifest.advisories);
  // An import names each source by its path, so importing again replaces rather than adds.
  if (imported) await importAdvisories(vulnDbDir, manifest.advisories);
  const db = openVulnDb(vulnDbDir);
  try {
    return { imported, advisories: db.status().advisories };
  } finally {
    db.close();
  }
}

function hasSources(vulnDbDir: string, inputs: readonly string[]): boolean {
  try {
    const db = openVulnDb(vulnDbDir);
    const names = new Set(db.status().sources.map((s) => s.name));
    db.close();
    return inputs.every((input) => names.has(input));
  } catch (error) {
    if (error instanceof VulnDbError) return false;
    throw error;
  }
}
