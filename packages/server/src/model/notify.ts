/**
 * Webhooks for new findings. One `notify-findings` job fans out into one `deliver-webhook` job
 * per hook, so each receiver is retried on its own and a slow one does not hold back others.
 */
import { createHmac } from "node:crypto";
import { enqueue } from "../jobs/queue.js";
import type { JobHandler } from "../jobs/types.js";
import { isAtLeast } from "../sbom/types.js";

/** Picks the findings each hook wants and queues one delivery per hook. */
export const notifyFindingsJob = {
  kind: "notify-findings",
  async run(job, { store }) {
    const ids = job.payload.findingIds as string[];
    const findings = await store.db
      .selectFrom("findings as f")
      .innerJoin("components as c", "c.id", "f.component_id")
      .innerJoin("projects as p", "p.id", "f.project_id")
      .select([
        "f.id",
        "f.vulnerability_id",
        "f.severity",
        "f.fix_state",
        "f.fixed_in",
        "f.snapshot_id",
        "c.purl",
        "p.path as project",
      ])
      .where("f.id", "in", ids)
      .execute();
    const hooks = await store.db.selectFrom("webhooks").selectAll().execute();
    await store.db.transaction().execute(async (trx) => {
      for (const hook of hooks) {
        const wanted = findings.filter((f) => isAtLeast(f.severity, hook.min_severity));
        if (wanted.length === 0) continue;
        const body = { event: "findings.new", findings: wanted };
        await enqueue(trx, "deliver-webhook", { webhookId: hook.id, body }, { maxAttempts: 8 });
      }
    });
  },
} satisfies JobHandler;

/** Signs a body the way receivers check it: hex HMAC-SHA256 of the exact bytes sent. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Posts one signed body to one hook; a non-2xx answer or a timeout makes the job retry. */
export const deliverWebhookJob = {
  kind: "deliver-webhook",
  async run(job, { store }) {
    const hook = await store.db
      .selectFrom("webhooks")
      .selectAll()
      .where("id", "=", String(job.payload.webhookId))
      .executeTakeFirst();
    if (!hook) return;
    const body = JSON.stringify(job.payload.body);
    const response = await fetch(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-lading-signature": signBody(hook.secret, body),
        "x-lading-delivery": job.id,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  },
} satisfies JobHandler;
