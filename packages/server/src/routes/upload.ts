import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { authorize, can } from "../auth/actor.js";
import { UnsupportedMediaTypeError } from "../errors.js";
import { splitPath } from "../model/projects.js";
import { receiveSbom } from "../model/receive-sbom.js";
import { drain } from "./body-limit.js";
import { type AppEnv, actorOf, errorResponses, json, type RouteDeps, security } from "./common.js";
import { projectKind } from "./projects.js";

const Accepted = z.object({
  id: z.string(),
  projectId: z.string(),
  state: z.literal("processing"),
  componentCount: z.number().int(),
});
const error = errorResponses[400];

const upload = createRoute({
  method: "post",
  path: "/api/snapshots",
  summary: "Upload a CycloneDX 1.4–1.6 or SPDX 2.3 JSON SBOM as a new snapshot of a project",
  description:
    "The project is created (with missing parent groups) when the caller may create projects. Matching runs as a job; poll the snapshot until its state is ready.",
  security,
  request: {
    query: z.object({
      project: z.string().min(1).max(1024),
      kind: projectKind.default("container"),
    }),
    // Documented but not validated by schema: the document is checked by the SBOM reader.
    body: {
      required: true,
      content: {
        "application/json": { schema: { type: "object", description: "CycloneDX or SPDX JSON" } },
      },
    },
  },
  responses: {
    202: json("stored; matching queued", Accepted),
    ...errorResponses,
    413: error,
    415: error,
    422: error,
  },
});

/** The upload route: checked, parsed and stored whole, or not stored at all. */
export function registerUploadRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const { store, reader, config } = deps;
  // The body's size is bounded for every route at once (limitBodies, in app.ts).
  app.use(upload.getRoutingPath(), requireJsonType(config.maxUploadBytes * 4));
  app.openapi(upload, async (c) => {
    const { project, kind } = c.req.valid("query");
    splitPath(project);
    const actor = authorize(actorOf(c), "upload", project);
    const text = await c.req.text();
    const mayCreate = can(actor, "create-projects", project);
    const target = { projectPath: project, kind, mayCreate };
    const stored = await receiveSbom(store, reader, target, text, deps.reads);
    deps.wake();
    return c.json({ ...stored, state: "processing" as const }, 202);
  });
}

// JSON, or a JSON-based SBOM type (application/vnd.cyclonedx+json, application/spdx+json).
const jsonType = /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i;

/**
 * Refuses a body that does not say it is JSON before reading it: a form or multipart post is
 * never an SBOM, and reading it only to fail the parse would cost the whole upload.
 */
function requireJsonType(drainBound: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === "POST" && !jsonType.test(c.req.header("content-type") ?? "")) {
      await drain(c.req.raw.body, drainBound);
      throw new UnsupportedMediaTypeError("send the SBOM as application/json");
    }
    await next();
  };
}
