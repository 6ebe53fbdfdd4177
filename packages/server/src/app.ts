/** The HTTP application: middleware, every route, the OpenAPI document and the one error handler. */

import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { authenticate } from "./auth/middleware.js";
import { ApiError, InvalidRequestError, RateLimitedError } from "./errors.js";
import { registerAgentRoutes } from "./routes/agents.js";
import { registerAuthRoutes } from "./routes/auth.js";
import { limitBodies } from "./routes/body-limit.js";
import type { AppEnv, RouteDeps } from "./routes/common.js";
import { registerExposureRoutes } from "./routes/exposure.js";
import { registerFindingRoutes } from "./routes/findings.js";
import { registerInventoryRoutes } from "./routes/inventory.js";
import { registerOperationRoutes } from "./routes/operations.js";
import { registerOutdatedRoutes } from "./routes/outdated.js";
import { registerPlanRoutes } from "./routes/plan.js";
import { registerProjectRoutes } from "./routes/projects.js";
import { registerSnapshotRoutes } from "./routes/snapshots.js";
import { isUnstorableText, rejectNulInUrl } from "./routes/text-guards.js";
import { registerTokenRoutes } from "./routes/tokens.js";
import { registerUploadRoutes } from "./routes/upload.js";
import { registerUserRoutes } from "./routes/users.js";
import { registerVulnerabilityRoutes } from "./routes/vulnerabilities.js";
import { serveUi } from "./static/serve-ui.js";

// One explicit list of route modules, in the order they appear in the OpenAPI document.
const routeModules = [
  registerAuthRoutes,
  registerUserRoutes,
  registerTokenRoutes,
  registerProjectRoutes,
  registerUploadRoutes,
  registerSnapshotRoutes,
  registerPlanRoutes,
  registerFindingRoutes,
  registerInventoryRoutes,
  registerExposureRoutes,
  registerOutdatedRoutes,
  registerVulnerabilityRoutes,
  registerOperationRoutes,
  registerAgentRoutes,
];

/** Builds the application around its dependencies. */
export function createApp(deps: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new InvalidRequestError(describeIssues(result.error.issues));
    },
  });
  app.onError((error, c) => toErrorResponse(error, c, deps));
  app.notFound((c) =>
    c.json(
      { error: { code: "not_found", message: `no route ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  // Every answer, API and UI alike: no sniffing, no framing (clickjacking), no referrer leak.
  app.use(
    "*",
    secureHeaders({
      xFrameOptions: "DENY",
      contentSecurityPolicy: { frameAncestors: ["'none'"] },
      // Behind TLS a proxy sets HSTS; over plain HTTP on loopback it only confuses.
      strictTransportSecurity: false,
    }),
  );
  // API answers hold tokens and findings: no cache, shared or not, keeps a copy.
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("cache-control", "no-store");
  });
  app.get("/api/health", (c) => c.json({ status: "ok" }));
  // No body is read past the largest SBOM the server takes, whatever the route.
  app.use("/api/*", rejectNulInUrl, limitBodies(deps.config.maxUploadBytes));
  app.use("/api/*", authenticate(deps.store));
  for (const register of routeModules) register(app, deps);
  app.openAPIRegistry.registerComponent("securitySchemes", "cookie", {
    type: "apiKey",
    in: "cookie",
    name: "lading_session",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
  });
  app.doc31("/api/openapi.json", { openapi: "3.1.0", info: { title: "Lading", version: "0.1.0" } });
  if (deps.config.staticDir) serveUi(app, deps.config.staticDir);
  return app;
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "body"}: ${i.message}`).join("; ");
}

/** The one place errors become responses: `{ error: { code, message } }`. */
function toErrorResponse(error: Error, c: Context<AppEnv>, deps: RouteDeps) {
  if (error instanceof RateLimitedError) c.header("retry-after", String(error.retryAfterSeconds));
  if (error instanceof ApiError)
    return c.json({ error: { code: error.code, message: error.message } }, error.status);
  if (isUnstorableText(error))
    return c.json({ error: { code: "invalid_request", message: "text holds a NUL" } }, 400);
  if (error instanceof HTTPException && error.status < 500)
    return c.json(
      { error: { code: "invalid_request", message: error.message || "bad request" } },
      error.status,
    );
  deps.log.error({ err: error, path: c.req.path }, "request failed");
  return c.json({ error: { code: "internal", message: "internal error" } }, 500);
}
