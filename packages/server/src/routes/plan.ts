import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { authorize, visiblePrefix } from "../auth/actor.js";
import { NotFoundError } from "../errors.js";
import { planSnapshot, rebuildSuggestions } from "../model/plan.js";
import {
  type AppEnv,
  actorOf,
  errorResponses,
  json,
  type RouteDeps,
  security,
  withinPrefix,
} from "./common.js";

const PlanFinding = z.object({
  id: z.string(),
  severity: z.string(),
  package: z.string(),
  version: z.string(),
});
const PlannedUpgrade = z
  .object({
    kind: z.enum(["os", "language"]),
    type: z.string(),
    name: z.string(),
    installedVersion: z.string(),
    targetVersion: z.string(),
    scheme: z.string(),
    packages: z.array(
      z.object({
        name: z.string(),
        installed: z.string(),
        version: z.string().optional(),
        arch: z.string().optional(),
      }),
    ),
    command: z.string().optional(),
    manifests: z.array(z.string()).optional(),
    findings: z.array(PlanFinding),
    vulnerabilities: z.array(z.string()),
    score: z.number(),
    notes: z.array(z.string()),
  })
  .openapi("PlannedUpgrade");
const RemediationPlan = z
  .object({
    schemaVersion: z.number().int(),
    upgrades: z.array(PlannedUpgrade),
    unfixed: z.array(
      PlanFinding.extend({
        state: z.enum(["not-fixed", "wont-fix", "unorderable"]),
        reason: z.string(),
      }),
    ),
    fixable: z.number().int(),
    total: z.number().int(),
  })
  .openapi("RemediationPlan");
const SnapshotRef = z.object({
  snapshotId: z.string(),
  projectId: z.string(),
  projectPath: z.string(),
  imageDigest: z.string().nullable(),
  createdAt: z.string(),
  findings: z.number().int(),
});
const RebuildSuggestion = z
  .object({
    base: SnapshotRef.extend({ layers: z.number().int() }),
    candidate: SnapshotRef,
    removes: z.number().int(),
    message: z.string(),
  })
  .openapi("RebuildSuggestion");
const SnapshotPlan = z
  .object({
    plan: RemediationPlan.nullable(),
    rebuild: z.array(RebuildSuggestion),
  })
  .openapi("SnapshotPlan");

const plan = createRoute({
  method: "get",
  path: "/api/snapshots/{id}/plan",
  summary:
    "The upgrades that fix a snapshot's findings (null while no vulnerability data is held), and rebuilds on a known base that would drop findings",
  security,
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: json("the plan", SnapshotPlan), ...errorResponses },
});

/** A snapshot's remediation plan, as `lading scan --plan` gives it for an image. */
export function registerPlanRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const { store, reader, matcher } = deps;
  app.openapi(plan, async (c) => {
    const prefix = visiblePrefix(authorize(actorOf(c), "read"));
    const snapshot = await store.db
      .selectFrom("snapshots as s")
      .innerJoin("projects as p", "p.id", "s.project_id")
      .select(["s.id", "s.project_id"])
      .where("s.id", "=", c.req.valid("param").id)
      .where(withinPrefix(prefix, "p.path"))
      .executeTakeFirst();
    if (!snapshot) throw new NotFoundError("snapshot");
    return c.json(
      {
        plan: await planSnapshot(store, reader, matcher, snapshot),
        rebuild: await rebuildSuggestions(store, snapshot.id, prefix),
      },
      200,
    );
  });
}
