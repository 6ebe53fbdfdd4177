/**
 * The persistent job queue. Jobs live in the `jobs` table, so a killed server loses none: a job
 * left `running` by a dead worker is taken over once its lease runs out. Workers renew the lease
 * while they run (see worker.ts).
 */
import { sql, type Transaction } from "kysely";
import type { Database, JobsTable } from "../db/schema.js";
import type { Store } from "../db/store.js";
import { fromNow, newId, now } from "../ids.js";

type Db = Store["db"] | Transaction<Database>;

/** Adds a job; pass the surrounding transaction so the job commits with the work it follows. */
export async function enqueue(
  db: Db,
  kind: string,
  payload: Record<string, unknown>,
  options: { maxAttempts?: number; delayMs?: number } = {},
): Promise<string> {
  const id = newId();
  const at = now();
  await db
    .insertInto("jobs")
    .values({
      id,
      kind,
      payload: JSON.stringify(payload),
      state: "queued",
      attempts: 0,
      max_attempts: options.maxAttempts ?? 5,
      run_after: options.delayMs ? fromNow(options.delayMs) : at,
      locked_by: null,
      locked_at: null,
      last_error: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Takes the oldest due job (or one whose lease expired) for `worker`, or null when none. */
export async function claim(store: Store, worker: string, leaseMs: number) {
  return store.dialect === "postgres"
    ? claimPostgres(store, worker, leaseMs)
    : claimSqlite(store, worker, leaseMs);
}

async function claimPostgres(store: Store, worker: string, leaseMs: number) {
  const at = now();
  const expired = new Date(Date.now() - leaseMs).toISOString();
  // SKIP LOCKED lets several servers poll one table without taking the same job twice.
  const result = await sql<JobsTable>`
    update jobs set state = 'running', locked_by = ${worker}, locked_at = ${at},
      attempts = attempts + 1, updated_at = ${at}
    where id = (
      select id from jobs
      where (state = 'queued' and run_after <= ${at})
         or (state = 'running' and locked_at < ${expired})
      order by run_after, created_at
      for update skip locked
      limit 1)
    returning *`.execute(store.db);
  return result.rows[0] ?? null;
}

async function claimSqlite(store: Store, worker: string, leaseMs: number) {
  const at = now();
  const expired = new Date(Date.now() - leaseMs).toISOString();
  // SQLite has one writer at a time, so select-then-update inside a transaction is exclusive.
  return store.db.transaction().execute(async (trx) => {
    const job = await trx
      .selectFrom("jobs")
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb("state", "=", "queued"), eb("run_after", "<=", at)]),
          eb.and([eb("state", "=", "running"), eb("locked_at", "<", expired)]),
        ]),
      )
      .orderBy("run_after")
      .orderBy("created_at")
      .limit(1)
      .executeTakeFirst();
    if (!job) return null;
    const update = { state: "running" as const, locked_by: worker, locked_at: at, updated_at: at };
    await trx
      .updateTable("jobs")
      .set({ ...update, attempts: job.attempts + 1 })
      .where("id", "=", job.id)
      .execute();
    return { ...job, ...update, attempts: job.attempts + 1 };
  });
}

/** Renews a running job's lease so no other worker takes it over. */
export async function heartbeat(store: Store, id: string, worker: string): Promise<void> {
  await store.db
    .updateTable("jobs")
    .set({ locked_at: now() })
    .where("id", "=", id)
    .where("locked_by", "=", worker)
    .execute();
}

/** Marks a job done. */
export async function complete(store: Store, id: string): Promise<void> {
  await store.db
    .updateTable("jobs")
    .set({ state: "done", locked_by: null, updated_at: now(), last_error: null })
    .where("id", "=", id)
    .execute();
}

/** Records a failure: the job runs again later with backoff, or fails for good at its limit. */
export async function fail(store: Store, job: JobsTable, error: unknown): Promise<boolean> {
  const message = error instanceof Error ? error.message : String(error);
  const final = job.attempts >= job.max_attempts;
  const backoffMs = Math.min(60_000, 500 * 2 ** job.attempts);
  await store.db
    .updateTable("jobs")
    .set({
      state: final ? "failed" : "queued",
      last_error: message.slice(0, 2000),
      locked_by: null,
      locked_at: null,
      run_after: fromNow(final ? 0 : backoffMs),
      updated_at: now(),
    })
    .where("id", "=", job.id)
    .execute();
  return final;
}
