import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { authorize, can, visiblePrefix } from "../auth/actor.js";
import { paginate } from "../db/paginate.js";
import { NotFoundError } from "../errors.js";
import { ensureProject } from "../model/projects.js";
import {
  type AppEnv,
  actorOf,
  containsText,
  errorResponses,
  json,
  listQuery,
  listRoute,
  type RouteDeps,
  security,
  withinPrefix,
} from "./common.js";

export const projectKind = z.enum(["group", "host", "container", "application"]);
const Project = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    kind: projectKind,
    name: z.string(),
    path: z.string(),
    createdAt: z.string(),
  })
  .openapi("Project");
const Query = listQuery(["path", "name", "createdAt"]).extend({
  kind: projectKind.optional(),
  parentId: z.string().optional(),
  q: z.string().max(128).optional(),
});

const list = listRoute(
  { path: "/api/projects", summary: "List projects", query: Query },
  "projects",
  Project,
);
const get = createRoute({
  method: "get",
  path: "/api/projects/{id}",
  summary: "One project",
  security,
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: json("the project", Project), ...errorResponses },
});
const create = createRoute({
  method: "post",
  path: "/api/projects",
  summary: "Create a project (and missing parent groups) by path",
  security,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({ path: z.string().min(1).max(1024), kind: projectKind }),
        },
      },
    },
  },
  responses: { 201: json("created or existing", Project), ...errorResponses },
});

const order = {
  orderBy: { path: "path", name: "name", createdAt: "created_at" },
  tiebreak: ["id"],
} as const;

/** Maps a project row to its API shape. */
export const toProject = (p: {
  id: string;
  parent_id: string | null;
  kind: z.infer<typeof projectKind>;
  name: string;
  path: string;
  created_at: string;
}) => ({
  id: p.id,
  parentId: p.parent_id,
  kind: p.kind,
  name: p.name,
  path: p.path,
  createdAt: p.created_at,
});

/** The project tree. */
export function registerProjectRoutes(app: OpenAPIHono<AppEnv>, { store }: RouteDeps): void {
  app.openapi(list, async (c) => {
    const actor = authorize(actorOf(c), "read");
    const q = c.req.valid("query");
    let base = store.db.selectFrom("projects").where(withinPrefix(visiblePrefix(actor), "path"));
    if (q.kind) base = base.where("kind", "=", q.kind);
    if (q.parentId) base = base.where("parent_id", "=", q.parentId);
    if (q.q) base = base.where(containsText("name", q.q));
    const found = await paginate(base, q, { select: (b) => b.selectAll(), ...order });
    return c.json({ ...found, items: found.items.map(toProject) }, 200);
  });
  app.openapi(get, async (c) => {
    const project = await visibleProject(store, actorOf(c), c.req.valid("param").id);
    return c.json(toProject(project), 200);
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid("json");
    authorize(actorOf(c), "create-projects", body.path);
    const project = await store.db
      .transaction()
      .execute((trx) => ensureProject(trx, body.path, body.kind, true));
    return c.json(toProject(project as NonNullable<typeof project>), 201);
  });
}

/** Loads a project the actor may read, or throws not found. */
export async function visibleProject(
  store: RouteDeps["store"],
  actor: ReturnType<typeof actorOf>,
  id: string,
) {
  const reader = authorize(actor, "read");
  const project = await store.db
    .selectFrom("projects")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  // A project outside the token's branch is as unknown as a missing one, as snapshots are: a 403
  // would tell the caller that the id exists.
  if (!project || !can(reader, "read", project.path)) throw new NotFoundError("project");
  return project;
}
