/**
 * kill -9 in the middle of a re-match (new advisories → db-update → rematch-all → one
 * match-snapshot job per project): every committed snapshot and finding survives, no snapshot is
 * left with its findings half replaced, and the re-match finishes after a restart.
 *
 * Between the kill and the restart the test reads the database itself, so it sees exactly what
 * the dead server left, before any worker could tidy up.
 */
import { afterAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "./db/store.js";
import { type Auth, call, eventually, login } from "./test-harness/client.js";
import { fixture, fixturePath, importAdvisories, tempDir } from "./test-harness/fixtures.js";
import { backends, startPostgres, type TestPostgres } from "./test-harness/postgres.js";
import { type ServerProcess, startServerProcess } from "./test-harness/server-process.js";

const password = "correct horse battery staple";
const projects = 40;
// advisories-first: junit 4.12 (CVE-2020-15250); advisories-later adds requests 2.22.0 (CVE-2023-32681).
const old = "CVE-2020-15250";
const added = "CVE-2023-32681";

describe.each(backends())("kill -9 during a re-match on %s", (backend) => {
  let pgCluster: TestPostgres | undefined;
  let server: ServerProcess | undefined;
  let store: Store | undefined;
  afterAll(async () => {
    await server?.stop();
    await store?.close();
    pgCluster?.stop();
  });

  it("keeps every finding, replaces none by half, and resumes the re-match", async () => {
    if (backend === "postgres") pgCluster = await startPostgres();
    const databaseUrl = await pgCluster?.createDatabase("fault_rematch");
    const options = {
      dataDir: tempDir("fault-rematch"),
      vulnDbDir: tempDir("fault-rematch-db"),
      databaseUrl,
      env: { LADING_ADMIN_PASSWORD: password, LADING_JOB_LEASE_MS: "1500" },
    };
    importAdvisories(options.vulnDbDir, fixturePath("advisories-first"));
    server = await startServerProcess(options);
    const admin: Auth = await login(server.url, "admin", password);
    await uploadAll(server.url, admin);
    store = await openStore(options);
    const components = await componentCounts(store);
    expect(await findingsBySnapshot(store)).toEqual(uniform(components, [old]));

    importAdvisories(options.vulnDbDir, fixturePath("advisories-later"));
    expect((await call(server.url, "POST", "/api/vulndb/update", admin)).status).toBe(202);
    const db = store;
    const progress = await eventually(async () => {
      const jobs = await rematchJobs(db);
      return jobs.done >= 1 ? jobs : undefined;
    }, 60_000);
    await server.kill9();

    // What the dead server left: the re-match was under way, and each snapshot holds either its
    // old findings or the new ones, whole.
    const left = await rematchJobs(store);
    expect(left.done).toBeGreaterThanOrEqual(progress.done);
    expect(left.done).toBeLessThan(projects);
    expect(left.total).toBe(projects);
    expect(await componentCounts(store)).toEqual(components);
    const between = await findingsBySnapshot(store);
    expect(Object.keys(between).sort()).toEqual(Object.keys(components).sort());
    const shapes = new Set(Object.values(between).map((ids) => ids.join(" ")));
    expect([...shapes].every((s) => s === old || s === `${old} ${added}`)).toBe(true);
    // A job killed after its transaction committed but before it was marked done counts as new.
    const renewed = Object.values(between).filter((ids) => ids.length === 2).length;
    expect(renewed).toBeGreaterThanOrEqual(left.done);
    expect(renewed).toBeLessThanOrEqual(left.done + left.running);

    server = await startServerProcess(options);
    const again: Auth = await login(server.url, "admin", password);
    await eventually(async () => {
      const jobs = await rematchJobs(db);
      return jobs.done === projects ? true : undefined;
    }, 90_000);
    expect(await findingsBySnapshot(store)).toEqual(uniform(components, [old, added]));
    const all = await call(server.url, "GET", `/api/findings?vulnerabilityId=${added}`, again);
    expect(all.body.total).toBe(projects);
  });
});

/** One snapshot in each of `projects` projects, all matched. */
async function uploadAll(base: string, auth: Auth): Promise<void> {
  const sbom = fixture("syft-dir-coverage.cdx.json");
  for (let i = 0; i < projects; i++) {
    const answer = await call(base, "POST", `/api/snapshots?project=prod/app-${i}`, auth, sbom);
    expect(answer.status).toBe(202);
  }
  await eventually(async () => {
    const left = await call(base, "GET", "/api/snapshots?state=processing&limit=1", auth);
    return left.body.total === 0 ? true : undefined;
  }, 60_000);
}

async function componentCounts(store: Store): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom("snapshots")
    .select(["id", "component_count", "state"])
    .execute();
  expect(rows.map((r) => r.state)).toEqual(rows.map(() => "ready"));
  return Object.fromEntries(rows.map((r) => [r.id, r.component_count]));
}

/** The vulnerability ids of each snapshot's findings, sorted. */
async function findingsBySnapshot(store: Store): Promise<Record<string, string[]>> {
  const rows = await store.db
    .selectFrom("snapshots as s")
    .leftJoin("findings as f", "f.snapshot_id", "s.id")
    .select(["s.id", "f.vulnerability_id"])
    .execute();
  const by: Record<string, string[]> = {};
  for (const r of rows) {
    by[r.id] ??= [];
    if (r.vulnerability_id) by[r.id].push(r.vulnerability_id);
  }
  for (const ids of Object.values(by)) ids.sort();
  return by;
}

function uniform(snapshots: Record<string, number>, ids: string[]): Record<string, string[]> {
  return Object.fromEntries(Object.keys(snapshots).map((id) => [id, ids]));
}

/** The re-match jobs rematch-all queued: how many in all, done, and running. */
async function rematchJobs(store: Store) {
  const rows = await store.db
    .selectFrom("jobs")
    .select(["payload", "state"])
    .where("kind", "=", "match-snapshot")
    .execute();
  const rematches = rows.filter((r) => JSON.parse(r.payload).rematch === true);
  const count = (state: string) => rematches.filter((r) => r.state === state).length;
  return { total: rematches.length, done: count("done"), running: count("running") };
}
