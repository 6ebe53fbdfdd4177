import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { authorize, visiblePrefix } from "../auth/actor.js";
import { toCount } from "../db/store.js";
import { latestReadySnapshots } from "../model/metrics.js";
import {
  type AppEnv,
  actorOf,
  errorResponses,
  json,
  type RouteDeps,
  security,
  withinPrefix,
} from "./common.js";

const DAY_MS = 86_400_000;

const Summary = z
  .object({
    images: z.number().int(),
    eol: z.number().int(),
    securityOnly: z.number().int(),
    supported: z.number().int(),
    unknown: z.number().int(),
    notJudged: z.number().int(),
    stale: z.number().int(),
    staleDays: z.number().int(),
  })
  .openapi("OutdatedSummary");

const summary = createRoute({
  method: "get",
  path: "/api/outdated/summary",
  summary: "End-of-life states and stale images among each project's latest ready snapshot",
  security,
  request: {
    query: z.object({ staleDays: z.coerce.number().int().min(1).max(3650).default(90) }),
  },
  responses: { 200: json("counts", Summary), ...errorResponses },
});

/** The dashboard's count of end-of-life and stale images. */
export function registerOutdatedRoutes(app: OpenAPIHono<AppEnv>, { store }: RouteDeps): void {
  app.openapi(summary, async (c) => {
    const actor = authorize(actorOf(c), "read");
    const { staleDays } = c.req.valid("query");
    const latest = store.db
      .selectFrom("snapshots as s")
      .innerJoin("projects as p", "p.id", "s.project_id")
      .where("s.id", "in", latestReadySnapshots(store, null))
      .where(withinPrefix(visiblePrefix(actor), "p.path"));
    const states = await latest
      .select(["s.eol_state as state", (eb) => eb.fn.countAll().as("n")])
      .groupBy("s.eol_state")
      .execute();
    // Times are stored as ISO-8601 UTC text, so text order is time order.
    const cutoff = new Date(Date.now() - staleDays * DAY_MS).toISOString();
    const stale = await latest
      .select((eb) => eb.fn.countAll().as("n"))
      .where("s.image_created", "<", cutoff)
      .executeTakeFirst();
    const count = (state: string | null) => toCount(states.find((r) => r.state === state)?.n);
    return c.json(
      {
        images: states.reduce((sum, r) => sum + toCount(r.n), 0),
        eol: count("eol"),
        securityOnly: count("security-only"),
        supported: count("supported"),
        unknown: count("unknown"),
        notJudged: count(null),
        stale: toCount(stale?.n),
        staleDays,
      },
      200,
    );
  });
}
