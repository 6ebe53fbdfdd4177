import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { authorize, visiblePrefix } from "../auth/actor.js";
import { paginate } from "../db/paginate.js";
import { latestReadySnapshots } from "../model/metrics.js";
import {
  type AppEnv,
  actorOf,
  errorResponses,
  json,
  listQuery,
  listRoute,
  type RouteDeps,
  security,
  startsWithText,
  withinPrefix,
} from "./common.js";

const Usage = z
  .object({
    componentId: z.string(),
    purl: z.string(),
    name: z.string(),
    version: z.string(),
    type: z.string(),
    projectId: z.string(),
    projectPath: z.string(),
    snapshotId: z.string(),
  })
  .openapi("ComponentUsage");
const Point = z
  .object({
    at: z.string(),
    critical: z.number(),
    high: z.number(),
    medium: z.number(),
    low: z.number(),
    unknown: z.number(),
    components: z.number(),
  })
  .openapi("MetricsPoint");

const usage = listRoute(
  {
    path: "/api/components",
    summary: "Where a component is used, across the latest snapshot of every project",
    query: listQuery(["name", "version", "projectPath"]).extend({
      name: z.string().optional(),
      version: z.string().optional(),
      purl: z.string().optional(),
      type: z.string().optional(),
    }),
  },
  "usages",
  Usage,
);
const metrics = createRoute({
  method: "get",
  path: "/api/metrics",
  summary: "Counts by severity and components over time, for a project or the whole portfolio",
  security,
  request: {
    query: z.object({
      projectId: z.string().optional(),
      since: z.iso.datetime().optional(),
      limit: z.coerce.number().int().min(1).max(5000).default(500),
    }),
  },
  responses: {
    200: json("points, oldest first", z.object({ items: z.array(Point) })),
    ...errorResponses,
  },
});

/** Component search across projects, and metrics. */
export function registerInventoryRoutes(app: OpenAPIHono<AppEnv>, { store }: RouteDeps): void {
  app.openapi(usage, async (c) => {
    const actor = authorize(actorOf(c), "read");
    const q = c.req.valid("query");
    let query = store.db
      .selectFrom("snapshot_components as sc")
      .innerJoin("components as c", "c.id", "sc.component_id")
      .innerJoin("snapshots as s", "s.id", "sc.snapshot_id")
      .innerJoin("projects as p", "p.id", "s.project_id")
      .where("sc.snapshot_id", "in", latestReadySnapshots(store, null))
      .where(withinPrefix(visiblePrefix(actor), "p.path"));
    if (q.name) query = query.where("c.name", "=", q.name);
    if (q.version)
      query = query.where((eb) =>
        eb.or([
          eb("c.version", "=", q.version as string),
          startsWithText("c.version", `${q.version}.`),
        ]),
      );
    if (q.purl) query = query.where("c.purl", "=", q.purl);
    if (q.type) query = query.where("c.type", "=", q.type);
    const found = await paginate(query, q, {
      select: (b) =>
        b.select([
          "c.id as componentId",
          "c.purl",
          "c.name",
          "c.version",
          "c.type",
          "p.id as projectId",
          "p.path as projectPath",
          "s.id as snapshotId",
        ]),
      orderBy: { name: "c.name", version: "c.version", projectPath: "p.path" },
      tiebreak: ["c.id", "p.id"],
    });
    return c.json(found, 200);
  });
  app.openapi(metrics, async (c) => {
    const q = c.req.valid("query");
    const actor = authorize(actorOf(c), "read");
    if (q.projectId) {
      const project = await store.db
        .selectFrom("projects")
        .select("path")
        .where("id", "=", q.projectId)
        .executeTakeFirst();
      authorize(actor, "read", project?.path ?? "");
    } else if (visiblePrefix(actor) !== null) authorize(actor, "read", "");
    let query = store.db
      .selectFrom("metrics")
      .select(["at", "critical", "high", "medium", "low", "unknown", "components"]);
    query = q.projectId
      ? query.where("project_id", "=", q.projectId)
      : query.where("project_id", "is", null);
    if (q.since) query = query.where("at", ">=", q.since);
    const rows = await query.orderBy("at", "desc").limit(q.limit).execute();
    return c.json({ items: rows.reverse() }, 200);
  });
}
