/**
 * The `match-snapshot` job: matches a snapshot's stored components and replaces its findings in
 * one transaction, then marks it ready. Re-running it (a retry, a re-match) is safe.
 */
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import type { Store } from "../db/store.js";
import { newId, now } from "../ids.js";
import { enqueue } from "../jobs/queue.js";
import type { JobHandler } from "../jobs/types.js";
import type { MatchedVulnerability, Matcher, SbomReader } from "../sbom/types.js";
import { recordMetrics } from "./metrics.js";
import { type EolSource, outdatedColumns } from "./outdated.js";
import type { RecentReads } from "./recent-reads.js";
import { saveVulnerabilityDetails } from "./vulnerabilities.js";

/** Builds the job handler around the matcher in use. */
export function matchSnapshotJob(
  reader: SbomReader,
  matcher: Matcher,
  eolData: EolSource,
  reads?: RecentReads,
): JobHandler {
  return {
    kind: "match-snapshot",
    async run(job, { store }) {
      const snapshotId = String(job.payload.snapshotId);
      const snapshot = await store.db
        .selectFrom("snapshots")
        .selectAll()
        .where("id", "=", snapshotId)
        .executeTakeFirst();
      if (!snapshot) return;
      const result = reads?.take(snapshot.id) ?? (await readStored(store, reader, snapshot.id));
      const componentIds = await componentIdsOf(store, snapshot.id);
      const matches = await matcher.match(result);
      // Judged on the day of processing: an image is end-of-life by the date it was matched.
      const outdated = outdatedColumns(result, await eolData(), new Date());
      const before = await findingKeys(store, snapshot.id);
      await store.db.transaction().execute(async (trx) => {
        await trx.deleteFrom("findings").where("snapshot_id", "=", snapshot.id).execute();
        await saveVulnerabilityDetails(trx, matches);
        const rows = dedupe(matches).flatMap((m) => {
          const componentId = componentIds.get(m.purl);
          return componentId ? [findingRow(snapshot.id, snapshot.project_id, componentId, m)] : [];
        });
        for (let i = 0; i < rows.length; i += 300)
          await trx
            .insertInto("findings")
            .values(rows.slice(i, i + 300))
            .execute();
        await trx
          .updateTable("snapshots")
          .set({ state: "ready", processed_at: now(), failure_reason: null, ...outdated })
          .where("id", "=", snapshot.id)
          .execute();
        const fresh = job.payload.rematch
          ? rows.filter((r) => !before.has(keyOf(r)))
          : await introduced(trx, snapshot, rows);
        if (fresh.length > 0)
          await enqueue(trx, "notify-findings", {
            snapshotId: snapshot.id,
            findingIds: fresh.map((r) => r.id),
          });
      });
      await recordMetrics(store, snapshot.project_id);
    },
  };
}

type FindingRow = ReturnType<typeof findingRow>;
const keyOf = (r: { component_id: string; vulnerability_id: string }) =>
  `${r.component_id} ${r.vulnerability_id}`;

function findingRow(
  snapshotId: string,
  projectId: string,
  componentId: string,
  m: MatchedVulnerability,
) {
  return {
    id: newId(),
    snapshot_id: snapshotId,
    project_id: projectId,
    component_id: componentId,
    vulnerability_id: m.vulnerabilityId,
    severity: m.severity,
    fix_state: m.fixState,
    fixed_in: m.fixedIn ?? null,
    created_at: now(),
  };
}

function dedupe(matches: MatchedVulnerability[]): MatchedVulnerability[] {
  return [...new Map(matches.map((m) => [`${m.purl} ${m.vulnerabilityId}`, m])).values()];
}

async function findingKeys(store: Store, snapshotId: string): Promise<Set<string>> {
  const rows = await store.db
    .selectFrom("findings")
    .select(["component_id", "vulnerability_id"])
    .where("snapshot_id", "=", snapshotId)
    .execute();
  return new Set(rows.map(keyOf));
}

/** Findings of a new snapshot that the project's previous ready snapshot did not have. */
async function introduced(
  trx: Transaction<Database>,
  snapshot: { id: string; project_id: string; created_at: string },
  rows: FindingRow[],
) {
  const previous = await trx
    .selectFrom("snapshots")
    .select("id")
    .where("project_id", "=", snapshot.project_id)
    .where("state", "=", "ready")
    .where("id", "!=", snapshot.id)
    .where("created_at", "<=", snapshot.created_at)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!previous) return rows;
  const old = await trx
    .selectFrom("findings")
    .select(["component_id", "vulnerability_id"])
    .where("snapshot_id", "=", previous.id)
    .execute();
  const oldKeys = new Set(old.map(keyOf));
  return rows.filter((r) => !oldKeys.has(keyOf(r)));
}

/** Each purl's component id, as stored at upload. */
async function componentIdsOf(store: Store, snapshotId: string) {
  const rows = await store.db
    .selectFrom("snapshot_components as sc")
    .innerJoin("components as c", "c.id", "sc.component_id")
    .select(["c.id", "c.purl"])
    .where("sc.snapshot_id", "=", snapshotId)
    .execute();
  return new Map(rows.map((r) => [r.purl, r.id]));
}

/**
 * Reads the stored SBOM again, so the matcher sees everything the reader keeps (distro, source
 * packages): after a restart, a retry or a re-match, or when the upload ran in
 * another process. The stored copy was validated on upload, so it is read as trusted:
 * validating it again cost as much as the upload.
 */
export async function readStored(store: Store, reader: SbomReader, snapshotId: string) {
  const { document } = await store.db
    .selectFrom("snapshot_documents")
    .select("document")
    .where("snapshot_id", "=", snapshotId)
    .executeTakeFirstOrThrow();
  return reader.read(document, JSON.parse(document), { trusted: true }).result;
}
