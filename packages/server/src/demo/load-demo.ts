/**
 * `lading server --demo`: fills a server's data directory with the bundled advisories and
 * snapshots of the bundled image and projects before the server starts, so the UI and the API
 * have data on the first visit. Nothing is fetched. Safe to run on every start: what an earlier
 * start loaded is kept and not loaded twice.
 */
import type { ServerConfig } from "../config.js";
import { openStore, type Store } from "../db/store.js";
import { scannerReader } from "../sbom/scanner-port.js";
import { importDemoAdvisories } from "./demo-advisories.js";
import { seedDemoSnapshots } from "./demo-snapshots.js";
import { type DemoManifest, readDemoManifest } from "./manifest.js";

/** What the demo data holds once loaded. */
export interface DemoSummary {
  manifest: DemoManifest;
  /** Advisories in the vulnerability database after the import. */
  advisories: number;
  /** Snapshots stored by this start (0 on a restart). */
  seeded: number;
}

/** Imports the advisories and stores the snapshots that are missing; matching runs as jobs. */
export async function loadDemo(
  config: Pick<ServerConfig, "dataDir" | "databaseUrl" | "vulnDbDir">,
  manifestFile: string,
): Promise<DemoSummary> {
  const manifest = readDemoManifest(manifestFile);
  const { advisories } = await importDemoAdvisories(manifest, config.vulnDbDir);
  const store = await openStore(config);
  try {
    const seeded = await seedDemoSnapshots(store, scannerReader, manifest.projects);
    return { manifest, advisories, seeded: seeded.length };
  } finally {
    await store.close();
  }
}

/** Counts of the demo projects' data once no demo snapshot is still being matched. */
export interface DemoCounts {
  projects: number;
  snapshots: number;
  findings: number;
}

/** Waits (up to `timeoutMs`) until the running server has matched every demo snapshot. */
export async function waitForDemo(
  config: Pick<ServerConfig, "dataDir" | "databaseUrl">,
  manifest: DemoManifest,
  timeoutMs = 120_000,
): Promise<DemoCounts> {
  const store = await openStore(config);
  const paths = manifest.projects.map((p) => p.project);
  try {
    const deadline = Date.now() + timeoutMs;
    while ((await processing(store, paths)) > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    return await countDemo(store, paths);
  } finally {
    await store.close();
  }
}

async function processing(store: Store, paths: string[]): Promise<number> {
  const row = await store.db
    .selectFrom("snapshots as s")
    .innerJoin("projects as p", "p.id", "s.project_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("p.path", "in", paths)
    .where("s.state", "=", "processing")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countDemo(store: Store, paths: string[]): Promise<DemoCounts> {
  const snapshots = await store.db
    .selectFrom("snapshots as s")
    .innerJoin("projects as p", "p.id", "s.project_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("p.path", "in", paths)
    .executeTakeFirstOrThrow();
  const findings = await store.db
    .selectFrom("findings as f")
    .innerJoin("projects as p", "p.id", "f.project_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("p.path", "in", paths)
    .executeTakeFirstOrThrow();
  return { projects: paths.length, snapshots: Number(snapshots.n), findings: Number(findings.n) };
}
