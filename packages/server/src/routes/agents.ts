import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { authorize, can, visiblePrefix } from "../auth/actor.js";
import { NotFoundError } from "../errors.js";
import { recordHeartbeat, requestRescan } from "../model/agents.js";
import { splitPath } from "../model/projects.js";
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
import { visibleProject } from "./projects.js";

/** An agent counts as offline once it has missed this many heartbeats. */
const MISSED_BEATS = 3;

const Labels = z.record(z.string(), z.string());
const Heartbeat = z
  .object({
    host: z.string().min(1).max(1024),
    facts: z.record(z.string(), z.string().max(1024)),
    intervalSeconds: z.number().int().min(1).max(86_400),
    containers: z
      .array(z.object({ path: z.string().min(1).max(1024), labels: Labels }))
      .max(10_000),
  })
  .openapi("Heartbeat");
const HeartbeatAnswer = z.object({
  agentId: z.string(),
  hostProjectId: z.string(),
  rescan: z.array(z.string()),
});
const Watched = z.object({
  projectId: z.string(),
  path: z.string(),
  labels: Labels,
  seenAt: z.string(),
  goneAt: z.string().nullable(),
  rescanRequestedAt: z.string().nullable(),
});
const Agent = z
  .object({
    id: z.string(),
    hostProjectId: z.string(),
    hostPath: z.string(),
    facts: z.record(z.string(), z.string()),
    intervalSeconds: z.number().int(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    online: z.boolean(),
    containers: z.array(Watched),
  })
  .openapi("Agent");

const heartbeat = createRoute({
  method: "post",
  path: "/api/agents/heartbeat",
  summary: "An agent's heartbeat: host facts and the containers it sees; answers pending rescans",
  description:
    "Creates the host and container projects when the caller may. Containers missing from the list are marked gone. An agent that misses three heartbeats counts as offline.",
  security,
  request: { body: { required: true, content: { "application/json": { schema: Heartbeat } } } },
  responses: { 200: json("recorded", HeartbeatAnswer), ...errorResponses },
});
const list = createRoute({
  method: "get",
  path: "/api/agents",
  summary: "Agents, whether each is online, and the containers each watches",
  security,
  responses: { 200: json("agents", z.object({ items: z.array(Agent) })), ...errorResponses },
});
const rescan = createRoute({
  method: "post",
  path: "/api/projects/{id}/rescan",
  summary: "Ask the agents watching a project (or the containers below it) to scan it again",
  security,
  request: { params: z.object({ id: z.string() }) },
  responses: {
    202: json("requested", z.object({ requested: z.number().int() })),
    ...errorResponses,
  },
});

/** Agents: heartbeats, their list, and rescan requests. */
export function registerAgentRoutes(app: OpenAPIHono<AppEnv>, { store }: RouteDeps): void {
  app.openapi(heartbeat, async (c) => {
    const beat = c.req.valid("json");
    splitPath(beat.host);
    for (const container of beat.containers) splitPath(container.path);
    const actor = authorize(actorOf(c), "upload", beat.host);
    const mayCreate = can(actor, "create-projects", beat.host);
    return c.json(await recordHeartbeat(store, beat, mayCreate), 200);
  });
  app.openapi(list, async (c) => {
    const actor = authorize(actorOf(c), "read");
    return c.json({ items: await listAgents(store, visiblePrefix(actor)) }, 200);
  });
  app.openapi(rescan, async (c) => {
    authorize(actorOf(c), "upload");
    const project = await visibleProject(store, actorOf(c), c.req.valid("param").id);
    authorize(actorOf(c), "upload", project.path);
    const requested = await requestRescan(store, project.path);
    if (requested === 0) throw new NotFoundError(`watched container at or below ${project.path}`);
    return c.json({ requested }, 202);
  });
}

async function listAgents(store: RouteDeps["store"], prefix: string | null) {
  const agents = await store.db
    .selectFrom("agents as a")
    .innerJoin("projects as p", "p.id", "a.project_id")
    .selectAll("a")
    .select("p.path")
    .where(withinPrefix(prefix, "p.path"))
    .orderBy("p.path")
    .execute();
  const watched = await store.db
    .selectFrom("watched_projects as w")
    .innerJoin("projects as p", "p.id", "w.project_id")
    .selectAll("w")
    .select("p.path")
    .orderBy("p.path")
    .execute();
  return agents.map((a) => ({
    id: a.id,
    hostProjectId: a.project_id,
    hostPath: a.path,
    facts: parseJson<Record<string, string>>(a.facts),
    intervalSeconds: a.interval_seconds,
    firstSeenAt: a.first_seen_at,
    lastSeenAt: a.last_seen_at,
    online: Date.now() - Date.parse(a.last_seen_at) < a.interval_seconds * 1000 * MISSED_BEATS,
    containers: watched.filter((w) => w.agent_id === a.id).map(toWatched),
  }));
}

const toWatched = (w: {
  project_id: string;
  path: string;
  labels: string;
  seen_at: string;
  gone_at: string | null;
  rescan_requested_at: string | null;
}) => ({
  projectId: w.project_id,
  path: w.path,
  labels: parseJson<Record<string, string>>(w.labels),
  seenAt: w.seen_at,
  goneAt: w.gone_at,
  rescanRequestedAt: w.rescan_requested_at,
});
