import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Store } from "../db/store.js";
import { CsrfError, UnauthenticatedError } from "../errors.js";
import type { AppEnv } from "../routes/common.js";
import { findApiToken } from "./api-tokens.js";
import { safeEqual } from "./secrets.js";
import { findSession } from "./sessions.js";

export const sessionCookie = "lading_session";
export const csrfCookie = "lading_csrf";
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Sets `actor` from a bearer token or a session cookie. Cookie-authenticated changes must also
 * send the session's CSRF token in `X-CSRF-Token` (double submit) and, when the browser names
 * one, come from this server's own origin; bearer tokens are not sent by browsers on their own,
 * so they need neither.
 */
export function authenticate(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (header) {
      const [kind, token] = header.split(" ");
      const actor =
        kind?.toLowerCase() === "bearer" && token ? await findApiToken(store, token) : undefined;
      if (!actor) throw new UnauthenticatedError("unknown, expired or revoked API token");
      c.set("actor", actor);
      return next();
    }
    const id = getCookie(c, sessionCookie);
    const session = id ? await findSession(store, id) : undefined;
    if (session) {
      if (!safeMethods.has(c.req.method))
        checkCsrf(
          c.req.header("x-csrf-token"),
          session.csrfToken,
          c.req.header("origin"),
          c.req.url,
        );
      c.set("actor", session.actor);
      c.set("csrfToken", session.csrfToken);
    }
    return next();
  };
}

function checkCsrf(
  sent: string | undefined,
  expected: string,
  origin: string | undefined,
  url: string,
) {
  if (!sent || !safeEqual(sent, expected)) throw new CsrfError();
  if (origin && origin !== new URL(url).origin) throw new CsrfError();
}
