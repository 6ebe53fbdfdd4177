import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Transaction } from "kysely";
import { authorize } from "../auth/actor.js";
import { hashPassword } from "../auth/secrets.js";
import { insertUser } from "../auth/setup.js";
import { paginate } from "../db/paginate.js";
import type { Database, UsersTable } from "../db/schema.js";
import type { Dialect } from "../db/store.js";
import { ConflictError, NotFoundError } from "../errors.js";
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

const role = z.enum(["admin", "member", "viewer"]);
const User = z
  .object({
    id: z.string(),
    username: z.string(),
    role,
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("User");
const NewUser = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
  password: z.string().min(12).max(1024),
  role,
});
const UserChange = z.object({
  role: role.optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(12).max(1024).optional(),
});
const Id = z.object({ id: z.string() });

const list = listRoute(
  {
    path: "/api/users",
    summary: "List users (admin)",
    query: listQuery(["username", "createdAt"]).extend({ role: role.optional() }),
  },
  "users",
  User,
);
const create = createRoute({
  method: "post",
  path: "/api/users",
  summary: "Create a user (admin)",
  security,
  request: { body: { required: true, content: { "application/json": { schema: NewUser } } } },
  responses: { 201: json("created", User), ...errorResponses, 409: errorResponses[400] },
});
const update = createRoute({
  method: "patch",
  path: "/api/users/{id}",
  summary: "Change a user's role, password or state (admin)",
  security,
  request: {
    params: Id,
    body: { required: true, content: { "application/json": { schema: UserChange } } },
  },
  responses: { 200: json("changed", User), ...errorResponses, 409: errorResponses[400] },
});

const order = {
  orderBy: { username: "username", createdAt: "created_at" },
  tiebreak: ["id"],
} as const;

/** User administration; admins only. */
export function registerUserRoutes(app: OpenAPIHono<AppEnv>, { store }: RouteDeps): void {
  const toUser = (u: Omit<UsersTable, "password_hash">) => ({
    id: u.id,
    username: u.username,
    role: u.role,
    disabled: u.disabled === 1,
    createdAt: u.created_at,
  });
  app.openapi(list, async (c) => {
    authorize(actorOf(c), "manage-users");
    const q = c.req.valid("query");
    let base = store.db.selectFrom("users");
    if (q.role) base = base.where("role", "=", q.role);
    const found = await paginate(base, q, { select: (b) => b.selectAll(), ...order });
    return c.json({ ...found, items: found.items.map(toUser) }, 200);
  });
  app.openapi(create, async (c) => {
    authorize(actorOf(c), "manage-users");
    const body = c.req.valid("json");
    const id = await insertUser(store, body.username, body.password, body.role);
    const row = await store.db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return c.json(toUser(row), 201);
  });
  app.openapi(update, async (c) => {
    authorize(actorOf(c), "manage-users");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const changes = {
      ...(body.role ? { role: body.role } : {}),
      ...(body.disabled !== undefined ? { disabled: body.disabled ? 1 : 0 } : {}),
      ...(body.password ? { password_hash: await hashPassword(body.password) } : {}),
    };
    const removesAdmin = (body.role !== undefined && body.role !== "admin") || body.disabled;
    if (Object.keys(changes).length > 0)
      await store.db.transaction().execute(async (trx) => {
        if (removesAdmin) await keepAnAdmin(trx, store.dialect, id);
        await trx.updateTable("users").set(changes).where("id", "=", id).execute();
      });
    const row = await store.db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError("user");
    if (body.disabled || body.password)
      await store.db.deleteFrom("sessions").where("user_id", "=", id).execute();
    return c.json(toUser(row), 200);
  });
}

/**
 * Refuses to demote or disable the last enabled admin: no one could manage users after that,
 * and a server started with LADING_ADMIN_PASSWORD would find the name `admin` taken and not start.
 */
async function keepAnAdmin(trx: Transaction<Database>, dialect: Dialect, id: string) {
  let admins = trx
    .selectFrom("users")
    .select("id")
    .where("role", "=", "admin")
    .where("disabled", "=", 0);
  // PostgreSQL: the admins' rows are locked, so two admins demoting each other at once cannot
  // both see the other still there. SQLite runs one transaction at a time.
  if (dialect === "postgres") admins = admins.forUpdate();
  const ids = (await admins.execute()).map((a) => a.id);
  if (ids.length === 1 && ids[0] === id)
    throw new ConflictError("the last enabled admin cannot be demoted or disabled");
}
