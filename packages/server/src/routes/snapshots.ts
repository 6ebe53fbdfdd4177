import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { authorize, visiblePrefix } from "../auth/actor.js";
import { paginate } from "../db/paginate.js";
import { InvalidRequestError, NotFoundError } from "../errors.js";
import { diffSnapshots } from "../model/diff.js";
import {
  type AppEnv,
  actorOf,
  containsText,
  errorResponses,
  json,
  listQuery,
  listRoute,
  page,
  parseJson,
  type RouteDeps,
  security,
  withinPrefix,
} from "./common.js";
import { Outdated, supportState, toOutdated } from "./outdated-schema.js";

const state = z.enum(["processing", "ready", "failed"]);
const Snapshot = z
  .object({
    id: z.string(),
    projectId: z.string(),
    projectPath: z.string(),
    state,
    failureReason: z.string().nullable(),
    format: z.string(),
    specVersion: z.string(),
    imageDigest: z.string().nullable(),
    os: z.string().nullable(),
    labels: z.record(z.string(), z.string()),
    layers: z.array(z.unknown()),
    engine: z.string().nullable(),
    componentCount: z.number().int(),
    createdAt: z.string(),
    processedAt: z.string().nullable(),
    eolState: supportState.nullable(),
    distroEol: z.string().nullable(),
    imageCreated: z.string().nullable(),
    outdated: Outdated.nullable(),
  })
  .openapi("Snapshot");
const Component = z
  .object({
    id: z.string(),
    purl: z.string(),
    type: z.string(),
    name: z.string(),
    version: z.string(),
    layer: z.string().nullable(),
    locations: z.array(z.string()),
  })
  .openapi("SnapshotComponent");
const Diff = z
  .object({
    from: z.string(),
    to: z.string(),
    components: z.object({
      added: z.array(z.unknown()),
      removed: z.array(z.unknown()),
      changed: z.array(z.unknown()),
    }),
    findings: z.object({ introduced: z.array(z.unknown()), fixed: z.array(z.unknown()) }),
  })
  .openapi("SnapshotDiff");
const Id = z.object({ id: z.string() });

const list = listRoute(
  {
    path: "/api/snapshots",
    summary: "List snapshots",
    query: listQuery(["createdAt", "componentCount"]).extend({
      projectId: z.string().optional(),
      state: state.optional(),
    }),
  },
  "snapshots",
  Snapshot,
);
const get = createRoute({
  method: "get",
  path: "/api/snapshots/{id}",
  summary: "One snapshot",
  security,
  request: { params: Id },
  responses: { 200: json("the snapshot", Snapshot), ...errorResponses },
});
const sbom = createRoute({
  method: "get",
  path: "/api/snapshots/{id}/sbom",
  summary: "The SBOM exactly as uploaded",
  security,
  request: { params: Id },
  responses: {
    200: {
      description: "the document",
      content: { "application/json": { schema: { type: "object" } } },
    },
    ...errorResponses,
  },
});
const components = createRoute({
  method: "get",
  path: "/api/snapshots/{id}/components",
  summary: "A snapshot's components",
  security,
  request: {
    params: Id,
    query: listQuery(["name", "purl", "version"]).extend({
      q: z.string().max(256).optional(),
      type: z.string().optional(),
      layer: z.string().optional(),
    }),
  },
  responses: { 200: json("components", page(Component)), ...errorResponses },
});
const diff = createRoute({
  method: "get",
  path: "/api/snapshot-diff",
  summary: "Components and findings that differ between two snapshots of one project",
  security,
  request: { query: z.object({ from: z.string(), to: z.string() }) },
  responses: { 200: json("the difference", Diff), ...errorResponses },
});

type Row = Awaited<ReturnType<typeof selectSnapshots>>[number];
const toSnapshot = (s: Row) => ({
  id: s.id,
  projectId: s.project_id,
  projectPath: s.path,
  state: s.state,
  failureReason: s.failure_reason,
  format: s.format,
  specVersion: s.spec_version,
  imageDigest: s.image_digest,
  os: s.os,
  labels: parseJson<Record<string, string>>(s.labels),
  layers: parseJson<unknown[]>(s.layers),
  engine: s.engine,
  componentCount: s.component_count,
  createdAt: s.created_at,
  processedAt: s.processed_at,
  eolState: s.eol_state as z.infer<typeof supportState> | null,
  distroEol: s.distro_eol,
  imageCreated: s.image_created,
  outdated: toOutdated(s.outdated),
});
const snapshotColumns = [
  "s.id",
  "s.project_id",
  "p.path",
  "s.state",
  "s.failure_reason",
  "s.format",
  "s.spec_version",
  "s.image_digest",
  "s.os",
  "s.labels",
  "s.layers",
  "s.engine",
  "s.component_count",
  "s.created_at",
  "s.processed_at",
  "s.outdated",
  "s.eol_state",
  "s.distro_eol",
  "s.image_created",
] as const;
function selectSnapshots(deps: RouteDeps, prefix: string | null) {
  return deps.store.db
    .selectFrom("snapshots as s")
    .innerJoin("projects as p", "p.id", "s.project_id")
    .where(withinPrefix(prefix, "p.path"))
    .select(snapshotColumns)
    .execute();
}

/** Snapshot lists, details, stored SBOMs, components and diffs. */
export function registerSnapshotRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const { store } = deps;
  const base = (prefix: string | null) =>
    store.db
      .selectFrom("snapshots as s")
      .innerJoin("projects as p", "p.id", "s.project_id")
      .where(withinPrefix(prefix, "p.path"));
  const one = async (c: Parameters<typeof actorOf>[0], id: string) => {
    const actor = authorize(actorOf(c), "read");
    const row = await base(visiblePrefix(actor))
      .select(snapshotColumns)
      .where("s.id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError("snapshot");
    return row;
  };
  app.openapi(list, async (c) => {
    const actor = authorize(actorOf(c), "read");
    const q = c.req.valid("query");
    let query = base(visiblePrefix(actor));
    if (q.projectId) query = query.where("s.project_id", "=", q.projectId);
    if (q.state) query = query.where("s.state", "=", q.state);
    const found = await paginate(query, q, {
      select: (b) => b.select(snapshotColumns),
      orderBy: { createdAt: "s.created_at", componentCount: "s.component_count" },
      tiebreak: ["s.id"],
    });
    return c.json({ ...found, items: found.items.map(toSnapshot) }, 200);
  });
  app.openapi(get, async (c) => c.json(toSnapshot(await one(c, c.req.valid("param").id)), 200));
  // Registered by hand: the answer is the stored text, byte for byte, not a re-serialised object.
  app.openAPIRegistry.registerPath(sbom);
  app.get("/api/snapshots/:id/sbom", async (c) => {
    const { id } = await one(c, c.req.param("id"));
    const row = await store.db
      .selectFrom("snapshot_documents")
      .select("document")
      .where("snapshot_id", "=", id)
      .executeTakeFirstOrThrow();
    return c.body(row.document, 200, { "content-type": "application/json" });
  });
  app.openapi(components, async (c) => {
    const { id } = await one(c, c.req.valid("param").id);
    const q = c.req.valid("query");
    let query = store.db
      .selectFrom("snapshot_components as sc")
      .innerJoin("components as c", "c.id", "sc.component_id")
      .where("sc.snapshot_id", "=", id);
    if (q.type) query = query.where("c.type", "=", q.type);
    if (q.layer) query = query.where("sc.layer", "=", q.layer);
    if (q.q) query = query.where(containsText("c.name", q.q));
    const found = await paginate(query, q, {
      select: (b) =>
        b.select(["c.id", "c.purl", "c.type", "c.name", "c.version", "sc.layer", "sc.locations"]),
      orderBy: { name: "c.name", purl: "c.purl", version: "c.version" },
      tiebreak: ["c.id"],
    });
    const items = found.items.map((r) => ({ ...r, locations: parseJson<string[]>(r.locations) }));
    return c.json({ ...found, items }, 200);
  });
  app.openapi(diff, async (c) => {
    const q = c.req.valid("query");
    const [from, to] = [await one(c, q.from), await one(c, q.to)];
    if (from.project_id !== to.project_id)
      throw new InvalidRequestError("the two snapshots belong to different projects");
    return c.json(
      { from: from.id, to: to.id, ...(await diffSnapshots(store, from.id, to.id)) },
      200,
    );
  });
}
