/** Schemas, pagination and helpers every route module shares. */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { sql } from "kysely";
import type { Actor } from "../auth/actor.js";
import type { LoginLimiter } from "../auth/rate-limit.js";
import type { ServerConfig } from "../config.js";
import type { Store } from "../db/store.js";
import type { ServerLogger } from "../log.js";
import type { RecentReads } from "../model/recent-reads.js";
import { type Matcher, type SbomReader, severityOrder } from "../sbom/types.js";

/** Hono environment: the authenticated caller, when there is one. */
export interface AppEnv {
  Variables: { actor?: Actor; csrfToken?: string };
}

/** What route modules need besides the request. */
export interface RouteDeps {
  store: Store;
  log: ServerLogger;
  config: ServerConfig;
  reader: SbomReader;
  matcher: Matcher;
  limiter: LoginLimiter;
  /** Upload results handed to the match job, so it need not read the SBOM again. */
  reads: RecentReads;
  /** Wakes the job worker after something was queued. */
  wake: () => void;
}

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error");

const errorContent = { "application/json": { schema: ErrorSchema } };

/** The error answers every authenticated route may give. */
export const errorResponses = {
  400: { description: "invalid request", content: errorContent },
  401: { description: "not signed in", content: errorContent },
  403: { description: "not allowed", content: errorContent },
  404: { description: "not found", content: errorContent },
} as const;

/** Security requirement: a session cookie or a bearer API token. */
export const security: Record<string, string[]>[] = [{ cookie: [] }, { bearer: [] }];

/** Query parameters every list takes, with the columns it may sort by. */
export function listQuery<const S extends readonly [string, ...string[]]>(sorts: S) {
  return z.object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
    sort: z.enum(sorts).default(sorts[0]),
    order: z.enum(["asc", "desc"]).default("desc"),
  });
}

/** A page of a list with the total the filters match. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

/** JSON answer helper for documented success responses. */
export function json(description: string, schema: z.ZodType) {
  return { description, content: { "application/json": { schema } } };
}

/** A documented list: GET `path` answers one page of `item`, filtered and sorted by `query`. */
export function listRoute<Q extends z.ZodObject>(
  route: { path: string; summary: string; query: Q },
  description: string,
  item: z.ZodType,
) {
  return createRoute({
    method: "get",
    path: route.path,
    summary: route.summary,
    security,
    request: { query: route.query },
    responses: { 200: json(description, page(item)), ...errorResponses },
  });
}

/** The caller (routes behind `requireActor` only). */
export const actorOf = (c: Context<AppEnv>): Actor | undefined => c.get("actor");

/**
 * A filter keeping rows whose project path (column `pathColumn`) lies within the prefix. Uses
 * substr rather than LIKE, since project names may hold `_`.
 */
export function withinPrefix(prefix: string | null, pathColumn: string) {
  if (prefix === null) return sql<boolean>`1 = 1`;
  const column = sql.ref(pathColumn);
  return sql<boolean>`(${column} = ${prefix} or substr(${column}, 1, ${prefix.length + 1}) = ${`${prefix}/`})`;
}

/** Escapes LIKE's wildcards (`%`, `_`) and its escape character, so `text` matches itself. */
const literalLike = (text: string): string => text.replace(/[\\%_]/g, "\\$&");

/** Rows whose column, lower-cased, contains `text` literally (a search box's `%` is a `%`). */
export function containsText(column: string, text: string) {
  const pattern = `%${literalLike(text.toLowerCase())}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** Rows whose column starts with `prefix` literally. */
export function startsWithText(column: string, prefix: string) {
  return sql<boolean>`${sql.ref(column)} like ${`${literalLike(prefix)}%`} escape '\\'`;
}

/**
 * A severity column's rank, for sorting by severity rather than by the words' alphabet: the
 * worse, the higher (critical highest, a word outside the order lowest), so that descending —
 * the way a list of findings is read — puts the worst first.
 */
export function severityRank(column: string) {
  const top = severityOrder.length - 1;
  const ranks = severityOrder.map((s, i) => sql`when ${sql.lit(s)} then ${sql.lit(top - i)}`);
  return sql<number>`case ${sql.ref(column)} ${sql.join(ranks, sql` `)} else ${sql.lit(-1)} end`;
}

/** Parses a JSON column. */
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;
