import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { authorize } from "../auth/actor.js";
import { randomSecret } from "../auth/secrets.js";
import { paginate } from "../db/paginate.js";
import { NotFoundError } from "../errors.js";
import { newId, now } from "../ids.js";
import { enqueue } from "../jobs/queue.js";
import { severityOrder } from "../sbom/types.js";
import {
  type AppEnv,
  actorOf,
  errorResponses,
  json,
  listQuery,
  listRoute,
  type RouteDeps,
  security,
} from "./common.js";

const severity = z.enum(severityOrder);
const Webhook = z
  .object({ id: z.string(), url: z.string(), minSeverity: severity, createdAt: z.string() })
  .openapi("Webhook");
const NewWebhook = z.object({
  url: z.url({ protocol: /^https?$/ }),
  minSeverity: severity.default("high"),
  secret: z.string().min(16).max(256).optional(),
});
const Job = z
  .object({
    id: z.string(),
    kind: z.string(),
    state: z.string(),
    attempts: z.number(),
    maxAttempts: z.number(),
    lastError: z.string().nullable(),
    runAfter: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Job");

const listHooks = createRoute({
  method: "get",
  path: "/api/webhooks",
  summary: "List webhooks (admin)",
  security,
  responses: { 200: json("webhooks", z.object({ items: z.array(Webhook) })), ...errorResponses },
});
const createHook = createRoute({
  method: "post",
  path: "/api/webhooks",
  summary:
    "Add a webhook for new findings at or above a severity (admin); the signing secret is returned once",
  security,
  request: { body: { required: true, content: { "application/json": { schema: NewWebhook } } } },
  responses: { 201: json("created", Webhook.extend({ secret: z.string() })), ...errorResponses },
});
const deleteHook = createRoute({
  method: "delete",
  path: "/api/webhooks/{id}",
  summary: "Remove a webhook (admin)",
  security,
  request: { params: z.object({ id: z.string() }) },
  responses: { 204: { description: "removed" }, ...errorResponses },
});
const listJobs = listRoute(
  {
    path: "/api/jobs",
    summary: "Background jobs and their state (admin)",
    query: listQuery(["createdAt", "updatedAt"]).extend({
      state: z.enum(["queued", "running", "done", "failed"]).optional(),
      kind: z.string().optional(),
    }),
  },
  "jobs",
  Job,
);
const update = createRoute({
  method: "post",
  path: "/api/vulndb/update",
  summary: "Refresh vulnerability data now and re-match when it changed (admin)",
  security,
  responses: { 202: json("queued", z.object({ jobId: z.string() })), ...errorResponses },
});

/** Webhooks, the job queue and vulnerability-data updates: admin operations. */
export function registerOperationRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(listHooks, async (c) => {
    authorize(actorOf(c), "manage-webhooks");
    const rows = await store.db.selectFrom("webhooks").selectAll().orderBy("created_at").execute();
    return c.json(
      {
        items: rows.map((w) => ({
          id: w.id,
          url: w.url,
          minSeverity: w.min_severity as z.infer<typeof severity>,
          createdAt: w.created_at,
        })),
      },
      200,
    );
  });
  app.openapi(createHook, async (c) => {
    authorize(actorOf(c), "manage-webhooks");
    const body = c.req.valid("json");
    const row = {
      id: newId(),
      url: body.url,
      secret: body.secret ?? randomSecret(),
      min_severity: body.minSeverity,
      created_at: now(),
    };
    await store.db.insertInto("webhooks").values(row).execute();
    return c.json(
      {
        id: row.id,
        url: row.url,
        minSeverity: body.minSeverity,
        createdAt: row.created_at,
        secret: row.secret,
      },
      201,
    );
  });
  app.openapi(deleteHook, async (c) => {
    authorize(actorOf(c), "manage-webhooks");
    const result = await store.db
      .deleteFrom("webhooks")
      .where("id", "=", c.req.valid("param").id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new NotFoundError("webhook");
    return c.body(null, 204);
  });
  app.openapi(listJobs, async (c) => {
    authorize(actorOf(c), "manage-jobs");
    const q = c.req.valid("query");
    let query = store.db.selectFrom("jobs");
    if (q.state) query = query.where("state", "=", q.state);
    if (q.kind) query = query.where("kind", "=", q.kind);
    const found = await paginate(query, q, {
      select: (b) => b.selectAll(),
      orderBy: { createdAt: "created_at", updatedAt: "updated_at" },
      tiebreak: ["id"],
    });
    const items = found.items.map((j) => ({
      id: j.id,
      kind: j.kind,
      state: j.state,
      attempts: j.attempts,
      maxAttempts: j.max_attempts,
      lastError: j.last_error,
      runAfter: j.run_after,
      createdAt: j.created_at,
      updatedAt: j.updated_at,
    }));
    return c.json({ ...found, items }, 200);
  });
  app.openapi(update, async (c) => {
    authorize(actorOf(c), "manage-jobs");
    const jobId = await enqueue(store.db, "db-update", {}, { maxAttempts: 3 });
    deps.wake();
    return c.json({ jobId }, 202);
  });
}
