import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "kysely";
import { authorize, visiblePrefix } from "../auth/actor.js";
import { paginate } from "../db/paginate.js";
import { toCount } from "../db/store.js";
import { latestReadySnapshots } from "../model/metrics.js";
import { severityOrder } from "../sbom/types.js";
import {
  type AppEnv,
  actorOf,
  containsText,
  listQuery,
  listRoute,
  type RouteDeps,
  withinPrefix,
} from "./common.js";
import { supportState } from "./outdated-schema.js";
import { projectKind } from "./projects.js";

const Exposure = z
  .object({
    projectId: z.string(),
    path: z.string(),
    name: z.string(),
    kind: projectKind,
    snapshotId: z.string(),
    snapshotAt: z.string(),
    imageDigest: z.string().nullable(),
    eolState: supportState.nullable(),
    imageCreated: z.string().nullable(),
    components: z.number().int(),
    critical: z.number().int(),
    high: z.number().int(),
    medium: z.number().int(),
    low: z.number().int(),
    unknown: z.number().int(),
  })
  .openapi("ProjectExposure");

const list = listRoute(
  {
    path: "/api/exposure",
    summary: "Findings by severity in each project's latest ready snapshot (most exposed first)",
    query: listQuery(["risk", "path", "snapshotAt"]).extend({
      q: z.string().max(128).optional(),
      kind: projectKind.optional(),
    }),
  },
  "projects with counts",
  Exposure,
);

// One correlated count per severity; the findings index on snapshot keeps each one cheap.
const countOf = (severity: string) =>
  sql<number>`(select count(*) from findings f where f.snapshot_id = s.id and f.severity = ${severity})`;

/** Per-project severity counts, for the dashboard's most exposed list and the projects page. */
export function registerExposureRoutes(app: OpenAPIHono<AppEnv>, { store }: RouteDeps): void {
  app.openapi(list, async (c) => {
    const actor = authorize(actorOf(c), "read");
    const q = c.req.valid("query");
    let query = store.db
      .selectFrom("snapshots as s")
      .innerJoin("projects as p", "p.id", "s.project_id")
      .where("s.id", "in", latestReadySnapshots(store, null))
      .where(withinPrefix(visiblePrefix(actor), "p.path"));
    if (q.kind) query = query.where("p.kind", "=", q.kind);
    if (q.q) query = query.where(containsText("p.path", q.q));
    const found = await paginate(query, q, {
      select: (b) =>
        b.select([
          "p.id as projectId",
          "p.path",
          "p.name",
          "p.kind",
          "s.id as snapshotId",
          "s.created_at as snapshotAt",
          "s.image_digest as imageDigest",
          "s.eol_state as eolState",
          "s.image_created as imageCreated",
          "s.component_count as components",
          ...severityOrder.map((s) => countOf(s).as(s)),
        ]),
      // Worst first: critical count, then high, and so on; the order flips them all.
      orderBy: { risk: severityOrder, path: "p.path", snapshotAt: "s.created_at" },
      tiebreak: ["p.id"],
    });
    const items = found.items.map((r) => ({
      ...r,
      eolState: r.eolState as z.infer<typeof supportState> | null,
      critical: toCount(r.critical),
      high: toCount(r.high),
      medium: toCount(r.medium),
      low: toCount(r.low),
      unknown: toCount(r.unknown),
    }));
    return c.json({ ...found, items }, 200);
  });
}
