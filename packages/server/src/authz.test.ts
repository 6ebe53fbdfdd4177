/**
 * Every route, called by every role and every kind of token, against a real server process.
 * The expected outcome is written out by hand per route, not derived from the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Auth, call, eventually, login } from "./test-harness/client.js";
import { fixture, tempDir } from "./test-harness/fixtures.js";
import { type ServerProcess, startServerProcess } from "./test-harness/server-process.js";

const password = "correct horse battery staple";
// Columns: admin, member, viewer (sessions); token read (all projects); token upload (prod,
// may create projects); token read+triage (prod); anonymous. "y" = allowed, "n" = refused.
const actors = [
  "admin",
  "member",
  "viewer",
  "tokenRead",
  "tokenUpload",
  "tokenTriage",
  "anonymous",
] as const;
type Ids = { snapshot: string; finding: string; user: string };
const routes: [string, string, (ids: Ids) => string, unknown, string][] = [
  ["GET", "/api/auth/me", () => "/api/auth/me", undefined, "y y y y y y n"],
  ["GET", "/api/users", () => "/api/users", undefined, "y n n n n n n"],
  [
    "POST",
    "/api/users",
    () => "/api/users",
    () => ({ username: `u${Math.random().toString(36).slice(2, 8)}`, password, role: "viewer" }),
    "y n n n n n n",
  ],
  ["PATCH", "/api/users/{id}", (i) => `/api/users/${i.user}`, { role: "viewer" }, "y n n n n n n"],
  ["GET", "/api/tokens", () => "/api/tokens", undefined, "y y y n n n n"],
  ["POST", "/api/tokens", () => "/api/tokens", { name: "t", scopes: ["read"] }, "y y y n n n n"],
  ["DELETE", "/api/tokens/{id}", () => "/api/tokens/no-such-token", undefined, "y y y n n n n"],
  ["GET", "/api/projects", () => "/api/projects", undefined, "y y y y n y n"],
  ["GET", "/api/projects/{id}", () => "/api/projects/no-such-project", undefined, "y y y y n y n"],
  [
    "POST",
    "/api/projects",
    () => "/api/projects",
    { path: "prod/made", kind: "host" },
    "y y n n y n n",
  ],
  [
    "POST",
    "/api/snapshots",
    () => "/api/snapshots?project=prod/app",
    () => fixture("alpine-310.spdx.json"),
    "y y n n y n n",
  ],
  ["GET", "/api/snapshots", () => "/api/snapshots", undefined, "y y y y n y n"],
  ["GET", "/api/snapshots/{id}", (i) => `/api/snapshots/${i.snapshot}`, undefined, "y y y y n y n"],
  [
    "GET",
    "/api/snapshots/{id}/sbom",
    (i) => `/api/snapshots/${i.snapshot}/sbom`,
    undefined,
    "y y y y n y n",
  ],
  [
    "GET",
    "/api/snapshots/{id}/components",
    (i) => `/api/snapshots/${i.snapshot}/components`,
    undefined,
    "y y y y n y n",
  ],
  [
    "GET",
    "/api/snapshots/{id}/plan",
    (i) => `/api/snapshots/${i.snapshot}/plan`,
    undefined,
    "y y y y n y n",
  ],
  [
    "GET",
    "/api/snapshot-diff",
    (i) => `/api/snapshot-diff?from=${i.snapshot}&to=${i.snapshot}`,
    undefined,
    "y y y y n y n",
  ],
  ["GET", "/api/findings", () => "/api/findings", undefined, "y y y y n y n"],
  [
    "PUT",
    "/api/findings/{id}/analysis",
    (i) => `/api/findings/${i.finding}/analysis`,
    { state: "exploitable" },
    "y y n n n y n",
  ],
  [
    "GET",
    "/api/findings/{id}/audit",
    (i) => `/api/findings/${i.finding}/audit`,
    undefined,
    "y y y y n y n",
  ],
  ["GET", "/api/components", () => "/api/components?name=musl", undefined, "y y y y n y n"],
  ["GET", "/api/metrics", () => "/api/metrics", undefined, "y y y y n n n"],
  ["GET", "/api/exposure", () => "/api/exposure", undefined, "y y y y n y n"],
  ["GET", "/api/outdated/summary", () => "/api/outdated/summary", undefined, "y y y y n y n"],
  [
    "GET",
    "/api/vulnerabilities/{id}",
    () => "/api/vulnerabilities/CVE-0000-0000",
    undefined,
    "y y y y n y n",
  ],
  ["GET", "/api/vulndb/status", () => "/api/vulndb/status", undefined, "y y y y n y n"],
  ["GET", "/api/severities", () => "/api/severities", undefined, "y y y y n y n"],
  ["GET", "/api/webhooks", () => "/api/webhooks", undefined, "y n n n n n n"],
  [
    "POST",
    "/api/webhooks",
    () => "/api/webhooks",
    { url: "http://127.0.0.1:9/hook" },
    "y n n n n n n",
  ],
  ["DELETE", "/api/webhooks/{id}", () => "/api/webhooks/no-such-hook", undefined, "y n n n n n n"],
  ["GET", "/api/jobs", () => "/api/jobs", undefined, "y n n n n n n"],
  ["POST", "/api/vulndb/update", () => "/api/vulndb/update", undefined, "y n n n n n n"],
  [
    "POST",
    "/api/agents/heartbeat",
    () => "/api/agents/heartbeat",
    {
      host: "prod/host-1",
      facts: { os: "Debian GNU/Linux 12 (bookworm)" },
      intervalSeconds: 30,
      containers: [{ path: "prod/host-1/web", labels: {} }],
    },
    "y y n n y n n",
  ],
  ["GET", "/api/agents", () => "/api/agents", undefined, "y y y y n y n"],
  [
    "POST",
    "/api/projects/{id}/rescan",
    () => "/api/projects/no-such-project/rescan",
    undefined,
    "y y n n n n n",
  ],
  ["POST", "/api/auth/logout", () => "/api/auth/logout", undefined, "y y y y n y n"],
];

describe("authorization of every route", () => {
  let server: ServerProcess;
  const as: Partial<Record<(typeof actors)[number], Auth>> = {};
  const ids: Ids = { snapshot: "", finding: "", user: "" };

  beforeAll(async () => {
    server = await startServerProcess({
      dataDir: tempDir("authz"),
      vulnDbDir: tempDir("authz-db"),
      env: { LADING_ADMIN_PASSWORD: password },
    });
    const base = server.url;
    expect(server.setupUrl).toBeUndefined();
    as.admin = await login(base, "admin", password);
    for (const role of ["member", "viewer"] as const) {
      const made = await call(base, "POST", "/api/users", as.admin, {
        username: role,
        password,
        role,
      });
      if (role === "viewer") ids.user = made.body.id;
      as[role] = await login(base, role, password);
    }
    const token = async (spec: object) => ({
      bearer: (await call(base, "POST", "/api/tokens", as.admin, { name: "t", ...spec })).body
        .token as string,
    });
    as.tokenRead = await token({ scopes: ["read"] });
    as.tokenUpload = await token({
      scopes: ["upload"],
      projectPrefix: "prod",
      createProjects: true,
    });
    as.tokenTriage = await token({ scopes: ["read", "triage"], projectPrefix: "prod" });
    const up = await call(
      base,
      "POST",
      "/api/snapshots?project=prod/app",
      as.admin,
      fixture("syft-dir-coverage.cdx.json"),
    );
    ids.snapshot = up.body.id;
    // No advisories are loaded, so no finding exists; an unknown id still has to pass (or fail) authorization first.
    await eventually(async () =>
      (await call(base, "GET", `/api/snapshots/${ids.snapshot}`, as.admin)).body.state === "ready"
        ? true
        : undefined,
    );
    ids.finding = "no-such-finding";
  });
  afterAll(() => server?.stop());

  for (const [method, label, path, body, expected] of routes) {
    it.each(actors.map((actor, i) => [actor, expected.split(" ")[i]] as const))(
      `${method} ${label} as %s: %s`,
      async (actor, allowed) => {
        // Logging out would end the session the other rows use; it runs with a fresh one.
        const auth =
          label === "/api/auth/logout" && as[actor] && "session" in (as[actor] as object)
            ? await login(server.url, actor, password)
            : as[actor];
        const payload = typeof body === "function" ? body() : body;
        const answer = await call(server.url, method, path(ids), auth, payload);
        if (allowed === "y")
          expect([401, 403], `${answer.status} ${JSON.stringify(answer.body)}`).not.toContain(
            answer.status,
          );
        else expect(answer.status).toBe(actor === "anonymous" ? 401 : 403);
      },
    );
  }
});
