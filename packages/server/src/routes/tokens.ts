import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { authorize, can, tokenScopes } from "../auth/actor.js";
import { createApiToken } from "../auth/api-tokens.js";
import { paginate } from "../db/paginate.js";
import type { ApiTokensTable } from "../db/schema.js";
import { ForbiddenError, InvalidRequestError, NotFoundError } from "../errors.js";
import { now } from "../ids.js";
import { splitPath } from "../model/projects.js";
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

const Token = z
  .object({
    id: z.string(),
    name: z.string(),
    userId: z.string(),
    scopes: z.array(z.enum(tokenScopes)),
    projectPrefix: z.string().nullable(),
    createProjects: z.boolean(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiToken");
const NewToken = z.object({
  name: z.string().min(1).max(128),
  scopes: z.array(z.enum(tokenScopes)).min(1),
  projectPrefix: z.string().nullable().default(null),
  createProjects: z.boolean().default(false),
  expiresAt: z.iso.datetime().nullable().default(null),
});

const list = listRoute(
  {
    path: "/api/tokens",
    summary: "List API tokens (own; all for admins)",
    query: listQuery(["createdAt", "name"]).extend({
      revoked: z.enum(["true", "false"]).optional(),
    }),
  },
  "tokens",
  Token,
);
const create = createRoute({
  method: "post",
  path: "/api/tokens",
  summary: "Create an API token; the secret is returned once",
  security,
  request: { body: { required: true, content: { "application/json": { schema: NewToken } } } },
  responses: { 201: json("created", Token.extend({ token: z.string() })), ...errorResponses },
});
const revoke = createRoute({
  method: "delete",
  path: "/api/tokens/{id}",
  summary: "Revoke an API token",
  security,
  request: { params: z.object({ id: z.string() }) },
  responses: { 204: { description: "revoked" }, ...errorResponses },
});

// A token as the list shows it: every column but the secret's hash.
type Row = Omit<ApiTokensTable, "secret_hash">;
const toToken = (t: Row) => ({
  id: t.id,
  name: t.name,
  userId: t.user_id,
  scopes: JSON.parse(t.scopes),
  projectPrefix: t.project_prefix,
  createProjects: t.create_projects === 1,
  createdAt: t.created_at,
  expiresAt: t.expires_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
});
const order = { orderBy: { createdAt: "created_at", name: "name" }, tiebreak: ["id"] } as const;

/** API tokens: a user manages their own; an admin sees and revokes all. Tokens cannot mint tokens. */
export function registerTokenRoutes(app: OpenAPIHono<AppEnv>, { store }: RouteDeps): void {
  const sessionOnly = (c: Parameters<typeof actorOf>[0]) => {
    const actor = authorize(actorOf(c), "own-tokens");
    if (actor.via === "token") throw new ForbiddenError("API tokens cannot manage tokens");
    return actor;
  };
  app.openapi(list, async (c) => {
    const actor = sessionOnly(c);
    const q = c.req.valid("query");
    let base = store.db.selectFrom("api_tokens");
    if (!can(actor, "manage-users")) base = base.where("user_id", "=", actor.userId);
    if (q.revoked) base = base.where("revoked_at", q.revoked === "true" ? "is not" : "is", null);
    const found = await paginate(base, q, { select: (b) => b.selectAll(), ...order });
    return c.json({ ...found, items: found.items.map(toToken) }, 200);
  });
  app.openapi(create, async (c) => {
    const actor = sessionOnly(c);
    const body = c.req.valid("json");
    if (body.projectPrefix !== null) splitPath(body.projectPrefix);
    // A token never holds more than its owner: scopes outside the role are refused.
    for (const scope of body.scopes)
      if (!can(actor, scope)) throw new ForbiddenError(`your role cannot grant ${scope}`);
    if (body.createProjects && !can(actor, "create-projects"))
      throw new ForbiddenError("your role cannot create projects");
    const { id, token } = await createApiToken(store, actor.userId, {
      ...body,
      expiresAt: expiryOf(body.expiresAt),
    });
    const row = await store.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return c.json({ ...toToken(row), token }, 201);
  });
  app.openapi(revoke, async (c) => {
    const actor = sessionOnly(c);
    const { id } = c.req.valid("param");
    let query = store.db
      .updateTable("api_tokens")
      .set({ revoked_at: now() })
      .where("id", "=", id)
      .where("revoked_at", "is", null);
    if (!can(actor, "manage-users")) query = query.where("user_id", "=", actor.userId);
    const result = await query.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError("token");
    return c.body(null, 204);
  });
}

/**
 * The expiry as the database holds times (`toISOString`), so that the text comparison with
 * `now()` is right to the millisecond: `…:00Z` sorts after `…:00.500Z`. A past expiry is refused.
 */
function expiryOf(expiresAt: string | null): string | null {
  if (expiresAt === null) return null;
  const normal = new Date(expiresAt).toISOString();
  if (normal <= now()) throw new InvalidRequestError("expiresAt is in the past");
  return normal;
}
