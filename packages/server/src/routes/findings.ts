import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { authorize, visiblePrefix } from "../auth/actor.js";
import { paginate } from "../db/paginate.js";
import { InvalidRequestError, NotFoundError } from "../errors.js";
import { latestReadySnapshots } from "../model/metrics.js";
import { analysisStates, justifications, setTriage } from "../model/triage.js";
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
  severityRank,
  withinPrefix,
} from "./common.js";

const severity = z.enum(severityOrder);
const analysis = z.enum(analysisStates);
const Finding = z
  .object({
    id: z.string(),
    snapshotId: z.string(),
    projectId: z.string(),
    projectPath: z.string(),
    vulnerabilityId: z.string(),
    severity: z.string(),
    fixState: z.string(),
    fixedIn: z.string().nullable(),
    purl: z.string(),
    name: z.string(),
    version: z.string(),
    analysis: z.object({
      state: analysis,
      justification: z.string().nullable(),
      comment: z.string().nullable(),
      updatedBy: z.string().nullable(),
      updatedAt: z.string().nullable(),
    }),
  })
  .openapi("Finding");
const Query = listQuery(["severity", "vulnerabilityId", "createdAt", "name"]).extend({
  projectId: z.string().optional(),
  snapshotId: z.string().optional(),
  severity: severity.optional(),
  analysis: analysis.optional(),
  vulnerabilityId: z.string().optional(),
  latest: z.enum(["true", "false"]).default("true"),
});
const Triage = z.object({
  state: analysis,
  justification: z.enum(justifications).nullable().default(null),
  comment: z.string().max(4000).nullable().default(null),
});
const Audit = z
  .object({
    id: z.string(),
    actor: z.string(),
    oldState: z.string().nullable(),
    newState: z.string(),
    justification: z.string().nullable(),
    comment: z.string().nullable(),
    at: z.string(),
  })
  .openapi("TriageAudit");
const Id = z.object({ id: z.string() });

const list = listRoute(
  {
    path: "/api/findings",
    summary: "List findings (by default only in each project's latest ready snapshot)",
    query: Query,
  },
  "findings",
  Finding,
);
const triage = createRoute({
  method: "put",
  path: "/api/findings/{id}/analysis",
  summary: "Set the VEX analysis of a finding; it carries over to later snapshots of the project",
  security,
  request: {
    params: Id,
    body: { required: true, content: { "application/json": { schema: Triage } } },
  },
  responses: { 200: json("recorded", z.object({ state: analysis })), ...errorResponses },
});
const audit = createRoute({
  method: "get",
  path: "/api/findings/{id}/audit",
  summary: "Who changed this finding's analysis, when",
  security,
  request: { params: Id },
  responses: {
    200: json("changes, newest first", z.object({ items: z.array(Audit) })),
    ...errorResponses,
  },
});

const sorts = {
  severity: severityRank("f.severity"),
  vulnerabilityId: "f.vulnerability_id",
  createdAt: "f.created_at",
  name: "c.name",
} as const;

/** Findings and their triage. */
export function registerFindingRoutes(app: OpenAPIHono<AppEnv>, { store }: RouteDeps): void {
  const base = (prefix: string | null) =>
    store.db
      .selectFrom("findings as f")
      .innerJoin("components as c", "c.id", "f.component_id")
      .innerJoin("projects as p", "p.id", "f.project_id")
      .leftJoin("triage as t", (j) =>
        j
          .onRef("t.project_id", "=", "f.project_id")
          .onRef("t.package_key", "=", "c.package_key")
          .onRef("t.vulnerability_id", "=", "f.vulnerability_id"),
      )
      .where(withinPrefix(prefix, "p.path"));
  const columns = [
    "f.id",
    "f.snapshot_id",
    "f.project_id",
    "p.path",
    "f.vulnerability_id",
    "f.severity",
    "f.fix_state",
    "f.fixed_in",
    "c.purl",
    "c.name",
    "c.version",
    "c.package_key",
    "t.state",
    "t.justification",
    "t.comment",
    "t.updated_by",
    "t.updated_at",
  ] as const;
  app.openapi(list, async (c) => {
    const actor = authorize(actorOf(c), "read");
    const q = c.req.valid("query");
    let query = base(visiblePrefix(actor));
    if (q.snapshotId) query = query.where("f.snapshot_id", "=", q.snapshotId);
    else if (q.latest === "true")
      query = query.where("f.snapshot_id", "in", latestReadySnapshots(store, null));
    if (q.projectId) query = query.where("f.project_id", "=", q.projectId);
    if (q.severity) query = query.where("f.severity", "=", q.severity);
    if (q.vulnerabilityId) query = query.where("f.vulnerability_id", "=", q.vulnerabilityId);
    if (q.analysis === "in_triage")
      query = query.where((eb) =>
        eb.or([eb("t.state", "is", null), eb("t.state", "=", "in_triage")]),
      );
    else if (q.analysis) query = query.where("t.state", "=", q.analysis);
    const found = await paginate(query, q, {
      select: (b) => b.select(columns),
      orderBy: sorts,
      tiebreak: ["f.id"],
    });
    const items = found.items.map((r) => ({
      id: r.id,
      snapshotId: r.snapshot_id,
      projectId: r.project_id,
      projectPath: r.path,
      vulnerabilityId: r.vulnerability_id,
      severity: r.severity,
      fixState: r.fix_state,
      fixedIn: r.fixed_in,
      purl: r.purl,
      name: r.name,
      version: r.version,
      analysis: {
        state: (r.state ?? "in_triage") as z.infer<typeof analysis>,
        justification: r.justification,
        comment: r.comment,
        updatedBy: r.updated_by,
        updatedAt: r.updated_at,
      },
    }));
    return c.json({ ...found, items }, 200);
  });
  const one = async (
    c: Parameters<typeof actorOf>[0],
    id: string,
    permission: "read" | "triage",
  ) => {
    const actor = authorize(actorOf(c), permission);
    const row = await base(visiblePrefix(actor))
      .select(["f.project_id", "c.package_key", "f.vulnerability_id", "p.path"])
      .where("f.id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError("finding");
    authorize(actor, permission, row.path);
    return { actor, row };
  };
  app.openapi(triage, async (c) => {
    const { actor, row } = await one(c, c.req.valid("param").id, "triage");
    const body = c.req.valid("json");
    if (body.state === "not_affected" && !body.justification)
      throw new InvalidRequestError("not_affected needs a justification");
    await setTriage(
      store,
      {
        projectId: row.project_id,
        packageKey: row.package_key,
        vulnerabilityId: row.vulnerability_id,
      },
      body,
      actor.username,
    );
    return c.json({ state: body.state }, 200);
  });
  app.openapi(audit, async (c) => {
    const { row } = await one(c, c.req.valid("param").id, "read");
    const rows = await store.db
      .selectFrom("triage_audit")
      .selectAll()
      .where("project_id", "=", row.project_id)
      .where("package_key", "=", row.package_key)
      .where("vulnerability_id", "=", row.vulnerability_id)
      .orderBy("at", "desc")
      .execute();
    const items = rows.map((a) => ({
      id: a.id,
      actor: a.actor,
      oldState: a.old_state,
      newState: a.new_state,
      justification: a.justification,
      comment: a.comment,
      at: a.at,
    }));
    return c.json({ items }, 200);
  });
}
