import type { IncomingMessage } from "node:http";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { authorize } from "../auth/actor.js";
import { csrfCookie, sessionCookie } from "../auth/middleware.js";
import { decoyPasswordHash, verifyPassword } from "../auth/secrets.js";
import { createSession, deleteSession, sessionMs } from "../auth/sessions.js";
import { completeSetup } from "../auth/setup.js";
import { UnauthenticatedError } from "../errors.js";
import { type AppEnv, actorOf, errorResponses, json, type RouteDeps, security } from "./common.js";

const Credentials = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});
const Me = z.object({
  id: z.string(),
  username: z.string(),
  role: z.string(),
  via: z.string(),
  csrfToken: z.string().optional(),
});
const password = z.string().min(12, "passwords need at least 12 characters").max(1024);
const username = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/);

const setup = createRoute({
  method: "post",
  path: "/api/setup",
  summary: "Create the first admin with the one-time setup token",
  request: {
    body: {
      required: true,
      content: {
        "application/json": { schema: z.object({ token: z.string(), username, password }) },
      },
    },
  },
  responses: {
    201: json("admin created", z.object({ id: z.string() })),
    ...errorResponses,
    409: errorResponses[400],
  },
});

const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  summary: "Sign in; sets an httpOnly session cookie and returns the CSRF token",
  request: { body: { required: true, content: { "application/json": { schema: Credentials } } } },
  responses: { 200: json("signed in", Me), ...errorResponses, 429: errorResponses[400] },
});

const logout = createRoute({
  method: "post",
  path: "/api/auth/logout",
  summary: "Sign out",
  security,
  responses: { 204: { description: "signed out" }, ...errorResponses },
});

const me = createRoute({
  method: "get",
  path: "/api/auth/me",
  summary: "The caller",
  security,
  responses: { 200: json("the caller", Me), ...errorResponses },
});

/** Setup, sign-in, sign-out and "who am I". */
export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const { store, limiter } = deps;
  app.openapi(setup, async (c) => {
    const body = c.req.valid("json");
    return c.json(
      { id: await completeSetup(store, body.token, body.username, body.password) },
      201,
    );
  });
  app.openapi(login, async (c) => {
    const { username, password } = c.req.valid("json");
    const key = `${username}|${remoteAddress(c)}`;
    limiter.check(key);
    const user = await store.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", username)
      .executeTakeFirst();
    // The password is checked whoever the user is, against a decoy when there is no such user.
    const matches = await verifyPassword(
      password,
      user?.password_hash ?? (await decoyPasswordHash()),
    );
    const ok = user !== undefined && user.disabled === 0 && matches;
    if (!user || !ok) {
      limiter.fail(key);
      throw new UnauthenticatedError("wrong username or password");
    }
    limiter.succeed(key);
    // A new id on every sign-in: whatever session id the browser brought (fixed by someone
    // else, or an old one of its own) ends here instead of gaining the new rights.
    const presented = getCookie(c, sessionCookie);
    if (presented) await deleteSession(store, presented);
    const session = await createSession(store, user.id);
    const secure = c.req.url.startsWith("https:");
    const maxAge = sessionMs / 1000;
    setCookie(c, sessionCookie, session.id, {
      httpOnly: true,
      sameSite: "Strict",
      path: "/",
      secure,
      maxAge,
    });
    setCookie(c, csrfCookie, session.csrfToken, { sameSite: "Strict", path: "/", secure, maxAge });
    return c.json(
      {
        id: user.id,
        username: user.username,
        role: user.role,
        via: "session",
        csrfToken: session.csrfToken,
      },
      200,
    );
  });
  app.openapi(logout, async (c) => {
    authorize(actorOf(c), "read");
    const id = getCookie(c, sessionCookie);
    if (id) await deleteSession(store, id);
    deleteCookie(c, sessionCookie, { path: "/" });
    deleteCookie(c, csrfCookie, { path: "/" });
    return c.body(null, 204);
  });
  app.openapi(me, (c) => {
    const actor = actorOf(c);
    if (!actor) throw new UnauthenticatedError();
    return c.json(
      {
        id: actor.userId,
        username: actor.username,
        role: actor.role,
        via: actor.via,
        csrfToken: c.get("csrfToken"),
      },
      200,
    );
  });
}

/**
 * The address of the connection the request came on. Never a header such as X-Forwarded-For:
 * any client can write one, and a new value per try would give it a fresh count every time.
 * Behind a reverse proxy every client shares the proxy's address, so the count is per user name.
 */
function remoteAddress(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? "unknown";
}
