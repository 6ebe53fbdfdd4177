import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { authorize, visiblePrefix } from "../auth/actor.js";
import { NotFoundError } from "../errors.js";
import { severityOrder } from "../sbom/types.js";
import {
  type AppEnv,
  actorOf,
  errorResponses,
  json,
  parseJson,
  type RouteDeps,
  security,
  withinPrefix,
} from "./common.js";

const Rating = z.object({
  source: z.string(),
  method: z.string(),
  score: z.number().optional(),
  vector: z.string().optional(),
  severity: z.string(),
});
const Vulnerability = z
  .object({
    id: z.string(),
    summary: z.string().nullable(),
    aliases: z.array(z.string()),
    ratings: z.array(Rating),
    references: z.array(z.string()),
    sources: z.array(z.string()),
    updatedAt: z.string().nullable(),
  })
  .openapi("Vulnerability");
const DataStatus = z
  .object({
    builtAt: z.string().nullable(),
    advisories: z.number().int(),
    sources: z.array(
      z.object({
        name: z.string(),
        records: z.number().int(),
        skipped: z.number().int(),
        updatedAt: z.string(),
      }),
    ),
    lastUpdate: z
      .object({ state: z.string(), at: z.string(), error: z.string().nullable() })
      .nullable(),
  })
  .openapi("VulnDataStatus");

const get = createRoute({
  method: "get",
  path: "/api/vulnerabilities/{id}",
  summary: "What the advisories say about a vulnerability (its affected projects: /api/findings)",
  security,
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: json("the vulnerability", Vulnerability), ...errorResponses },
});
const status = createRoute({
  method: "get",
  path: "/api/vulndb/status",
  summary: "How fresh the vulnerability data is: build time, sources and the last update job",
  security,
  responses: { 200: json("the data in use", DataStatus), ...errorResponses },
});
const Severities = z
  .object({ items: z.array(z.enum(severityOrder)).describe("worst first") })
  .openapi("Severities");
const severities = createRoute({
  method: "get",
  path: "/api/severities",
  summary: "The severities a finding may have, worst first: the order lists and charts use",
  security,
  responses: { 200: json("severities, worst first", Severities), ...errorResponses },
});

/** Vulnerability details and the freshness of the vulnerability data. */
export function registerVulnerabilityRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const { store, matcher } = deps;
  app.openapi(get, async (c) => {
    const actor = authorize(actorOf(c), "read");
    const { id } = c.req.valid("param");
    const row = await store.db
      .selectFrom("vulnerabilities")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    // Without stored text the id is still known when a visible finding names it.
    if (!row && !(await hasFinding(deps, id, visiblePrefix(actor))))
      throw new NotFoundError("vulnerability");
    return c.json(
      {
        id,
        summary: row?.summary ?? null,
        aliases: row ? parseJson<string[]>(row.aliases) : [],
        ratings: row ? parseJson<z.infer<typeof Rating>[]>(row.ratings) : [],
        references: row ? parseJson<string[]>(row.refs) : [],
        sources: row ? parseJson<string[]>(row.sources) : [],
        updatedAt: row?.updated_at ?? null,
      },
      200,
    );
  });
  app.openapi(status, async (c) => {
    authorize(actorOf(c), "read");
    const data = matcher.status?.();
    const job = await store.db
      .selectFrom("jobs")
      .select(["state", "updated_at", "last_error"])
      .where("kind", "=", "db-update")
      .orderBy("updated_at", "desc")
      .executeTakeFirst();
    return c.json(
      {
        builtAt: data?.builtAt ?? null,
        advisories: data?.advisories ?? 0,
        sources: data?.sources ?? [],
        lastUpdate: job ? { state: job.state, at: job.updated_at, error: job.last_error } : null,
      },
      200,
    );
  });
  app.openapi(severities, (c) => {
    authorize(actorOf(c), "read");
    return c.json({ items: [...severityOrder] }, 200);
  });
}

async function hasFinding(deps: RouteDeps, id: string, prefix: string | null) {
  const row = await deps.store.db
    .selectFrom("findings as f")
    .innerJoin("projects as p", "p.id", "f.project_id")
    .select("f.id")
    .where("f.vulnerability_id", "=", id)
    .where(withinPrefix(prefix, "p.path"))
    .executeTakeFirst();
  return row !== undefined;
}
