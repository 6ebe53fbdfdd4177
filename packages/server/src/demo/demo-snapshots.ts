/**
 * Scans each demo source in-process and stores the CycloneDX document through the same path an
 * upload takes, so demo snapshots are read, stored and matched as any uploaded one.
 */
import { readFileSync } from "node:fs";
import { findFormat, scan } from "@lading/scanner";
import type { Store } from "../db/store.js";
import { receiveSbom } from "../model/receive-sbom.js";
import type { SbomReader } from "../sbom/types.js";
import type { DemoProject } from "./manifest.js";

const { version } = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { version: string };

/** Stores one snapshot for each project that has none yet; returns the ids stored now. */
export async function seedDemoSnapshots(
  store: Store,
  reader: SbomReader,
  projects: readonly DemoProject[],
): Promise<string[]> {
  const stored: string[] = [];
  for (const project of projects) {
    // A project that already has a snapshot was seeded by an earlier start: do not add another.
    if (await hasSnapshot(store, project.project)) continue;
    const text = await scanToCycloneDx(project.source);
    const target = { projectPath: project.project, kind: project.kind, mayCreate: true };
    stored.push((await receiveSbom(store, reader, target, text)).id);
  }
  return stored;
}

/** Scans `source` and writes the result as CycloneDX JSON, as `lading sbom -o cyclonedx-json`. */
export async function scanToCycloneDx(source: string): Promise<string> {
  const result = await scan(source);
  const { format, version: spec } = findFormat("cyclonedx-json");
  return format.write(result, { toolName: "lading", toolVersion: version, now: new Date() }, spec);
}

async function hasSnapshot(store: Store, path: string): Promise<boolean> {
  const row = await store.db
    .selectFrom("snapshots as s")
    .innerJoin("projects as p", "p.id", "s.project_id")
    .select("s.id")
    .where("p.path", "=", path)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
