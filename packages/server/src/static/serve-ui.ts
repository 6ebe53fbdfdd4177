/**
 * Serves the web UI's files from the static dir. Only files that really lie inside it are
 * served: a path with dot segments, backslashes, encoded separators or NULs, or one that a
 * symlink leads out of the dir, is a 404 and never falls back to index.html.
 */
import { realpathSync } from "node:fs";
import { join, sep } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { NotFoundError } from "../errors.js";
import type { AppEnv } from "../routes/common.js";

/**
 * Serves the UI's files, falling back to index.html for client-side routes. An unknown API
 * route or a missing asset is a 404, not the page: a client that asks for JSON, or a stale page
 * that asks for a script, must learn it is not there.
 */
export function serveUi(app: OpenAPIHono<AppEnv>, root: string): void {
  const realRoot = realpathSync(root);
  app.use("/*", confineToRoot(realRoot));
  app.use("/*", serveStatic({ root: realRoot }));
  app.get("/*", onlyPageRoutes, serveStatic({ root: realRoot, path: "index.html" }));
}

const onlyPageRoutes: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = c.req.path;
  if (path === "/api" || path.startsWith("/api/")) throw new NotFoundError("route");
  if (path.startsWith("/assets/")) throw new NotFoundError("file");
  await next();
};

function confineToRoot(realRoot: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const path = decodedPath(rawPath(c));
    if (path === undefined || isHostilePath(path)) throw new NotFoundError("file");
    if (!path.startsWith("/api/") && leavesRoot(realRoot, path)) throw new NotFoundError("file");
    await next();
  };
}

/** The path as the client sent it: the Request URL has dot segments already resolved away. */
function rawPath(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: { url?: string } } | undefined)?.incoming?.url;
  const raw = incoming ?? new URL(c.req.url).pathname;
  return raw.split("?")[0] ?? "";
}

function decodedPath(raw: string): string | undefined {
  // An encoded separator names no file a browser would ask for; it only hides a `..`.
  if (/%2f|%5c/i.test(raw)) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function isHostilePath(path: string): boolean {
  return (
    !path.startsWith("/") ||
    /[\0\\]/.test(path) ||
    path.includes("//") ||
    path.split("/").some((s) => s === "." || s === "..")
  );
}

/** True when the path names an existing file whose real location is outside the root. */
function leavesRoot(realRoot: string, path: string): boolean {
  let real: string;
  try {
    real = realpathSync(join(realRoot, path));
  } catch {
    return false; // Nothing there: the client-side route fallback answers.
  }
  return real !== realRoot && !real.startsWith(realRoot + sep);
}
