import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Auth, call, eventually, login } from "./test-harness/client.js";
import { fixture, fixturePath, importAdvisories, tempDir } from "./test-harness/fixtures.js";
import { backends, startPostgres, type TestPostgres } from "./test-harness/postgres.js";
import { type ServerProcess, startServerProcess } from "./test-harness/server-process.js";

const password = "correct horse battery staple";
describe.each(backends())("API on %s", (backend) => {
  let server: ServerProcess;
  let base: string;
  let admin: Auth;
  let ci: Auth;
  let vulnDb: string;
  const received: { body: string; signature: string }[] = [];
  let receiver: Server;

  let pgCluster: TestPostgres | undefined;

  beforeAll(async () => {
    if (backend === "postgres") pgCluster = await startPostgres();
    vulnDb = tempDir("vulndb");
    importAdvisories(vulnDb, fixturePath("advisories-first"));
    const databaseUrl = backend === "postgres" ? await pgCluster?.createDatabase("api") : undefined;
    server = await startServerProcess({
      dataDir: tempDir("data"),
      vulnDbDir: vulnDb,
      databaseUrl,
      args: ["--max-upload", "1"],
    });
    base = server.url;
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        received.push({ body, signature: String(req.headers["x-lading-signature"]) });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  });
  afterAll(async () => {
    await server?.stop();
    receiver?.close();
    pgCluster?.stop();
  });

  it("creates the first admin only through the one-time setup link", async () => {
    expect(server.setupUrl).toMatch(/\/setup\?token=/);
    expect((await call(base, "GET", "/api/auth/me")).status).toBe(401);
    const token = new URL(server.setupUrl as string).searchParams.get("token");
    const bad = await call(base, "POST", "/api/setup", undefined, {
      token: "nope",
      username: "admin",
      password,
    });
    expect(bad.body.error.code).toBe("forbidden");
    const ok = await call(base, "POST", "/api/setup", undefined, {
      token,
      username: "admin",
      password,
    });
    expect(ok.status).toBe(201);
    const again = await call(base, "POST", "/api/setup", undefined, {
      token,
      username: "eve",
      password,
    });
    expect(again.status).toBe(409);
    admin = await login(base, "admin", password);
    expect((await call(base, "GET", "/api/auth/me", admin)).body).toMatchObject({
      username: "admin",
      role: "admin",
    });
  });

  it("serves an OpenAPI document generated from the routes", async () => {
    const doc = await call(base, "GET", "/api/openapi.json");
    expect(doc.body.openapi).toBe("3.1.0");
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/snapshots",
        "/api/findings/{id}/analysis",
        "/api/snapshot-diff",
      ]),
    );
  });

  it("issues a scoped API token once and stores only its hash", async () => {
    const made = await call(base, "POST", "/api/tokens", admin, {
      name: "ci",
      scopes: ["upload", "read"],
      projectPrefix: "prod",
      createProjects: true,
    });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^lad_/);
    ci = { bearer: made.body.token };
    const listed = await call(base, "GET", "/api/tokens", admin);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);
  });

  it("stores an uploaded CycloneDX SBOM as a snapshot with findings", async () => {
    const up = await call(
      base,
      "POST",
      "/api/snapshots?project=prod/web-01/app&kind=application",
      ci,
      fixture("syft-dir-coverage.cdx.json"),
    );
    expect(up.status).toBe(202);
    const snap = await eventually(async () => {
      const s = await call(base, "GET", `/api/snapshots/${up.body.id}`, ci);
      return s.body.state === "ready" ? s.body : undefined;
    });
    expect(snap).toMatchObject({
      projectPath: "prod/web-01/app",
      format: "cyclonedx",
      specVersion: "1.6",
      componentCount: up.body.componentCount,
    });
    const findings = await call(base, "GET", `/api/findings?snapshotId=${up.body.id}`, ci);
    expect(
      findings.body.items.map((f: { vulnerabilityId: string; purl: string; fixedIn: string }) => [
        f.vulnerabilityId,
        f.purl,
        f.fixedIn,
      ]),
    ).toEqual([["CVE-2020-15250", "pkg:maven/junit/junit@4.12", "4.13.1"]]);
    const stored = await call(base, "GET", `/api/snapshots/${up.body.id}/sbom`, ci);
    expect(JSON.stringify(stored.body)).toBe(
      JSON.stringify(JSON.parse(fixture("syft-dir-coverage.cdx.json"))),
    );
  });

  it("reads CycloneDX 1.5 and SPDX 2.3 and answers where a component is used", async () => {
    for (const [name, project] of [
      ["alpine-310.cdx15.json", "prod/alpine-a"],
      ["alpine-310.spdx.json", "prod/alpine-b"],
    ]) {
      const up = await call(base, "POST", `/api/snapshots?project=${project}`, ci, fixture(name));
      expect(up.status).toBe(202);
      await eventually(async () =>
        (await call(base, "GET", `/api/snapshots/${up.body.id}`, ci)).body.state === "ready"
          ? true
          : undefined,
      );
    }
    const usage = await call(
      base,
      "GET",
      "/api/components?name=musl&version=1.1&sort=projectPath&order=asc",
      admin,
    );
    expect(usage.body.total).toBe(2);
    expect(
      usage.body.items.map((u: { projectPath: string; version: string }) => [
        u.projectPath,
        u.version,
      ]),
    ).toEqual([
      ["prod/alpine-a", "1.1.22-r3"],
      ["prod/alpine-b", "1.1.22-r3"],
    ]);
  });

  it("refuses malformed, unsupported and oversized documents and stores nothing", async () => {
    const before = (await call(base, "GET", "/api/snapshots", admin)).body.total;
    const malformed = await call(
      base,
      "POST",
      "/api/snapshots?project=prod/bad",
      ci,
      '{"bomFormat": "CycloneDX", ',
    );
    expect([malformed.status, malformed.body.error.code]).toEqual([400, "invalid_request"]);
    const old = await call(base, "POST", "/api/snapshots?project=prod/bad", ci, {
      bomFormat: "CycloneDX",
      specVersion: "1.2",
      components: [],
    });
    expect([old.status, old.body.error.code]).toEqual([422, "unsupported_sbom"]);
    const big = JSON.stringify({
      bomFormat: "CycloneDX",
      specVersion: "1.6",
      version: 1,
      components: [],
      padding: "x".repeat(1_100_000),
    });
    const oversized = await call(base, "POST", "/api/snapshots?project=prod/bad", ci, big);
    expect([oversized.status, oversized.body.error.code]).toEqual([413, "payload_too_large"]);
    const outside = await call(
      base,
      "POST",
      "/api/snapshots?project=dev/app",
      ci,
      fixture("alpine-310.spdx.json"),
    );
    expect(outside.status).toBe(403);
    expect((await call(base, "GET", "/api/snapshots", admin)).body.total).toBe(before);
    expect((await call(base, "GET", "/api/projects?q=bad", admin)).body.total).toBe(0);
  });

  it("pages, filters and sorts lists with totals that respect the filters", async () => {
    const all = await call(
      base,
      "GET",
      "/api/snapshots?limit=1&sort=componentCount&order=asc",
      admin,
    );
    expect(all.body.total).toBe(3);
    expect(all.body.items).toHaveLength(1);
    const app = (await call(base, "GET", "/api/projects?kind=application", admin)).body;
    expect(app.items.map((p: { path: string }) => p.path)).toEqual(["prod/web-01/app"]);
    expect((await call(base, "GET", "/api/projects?kind=group", admin)).body.total).toBe(2);
    const invalid = await call(base, "GET", "/api/snapshots?limit=9999", admin);
    expect(invalid.body.error.code).toBe("invalid_request");
  });

  it("serves the severity order, worst first, and sorts findings by it", async () => {
    // The order itself is checked over many severities in db/paginate.test.ts; the fixture
    // advisories here all share one severity.
    const order = (await call(base, "GET", "/api/severities", admin)).body.items;
    expect(order).toEqual(["critical", "high", "medium", "low", "unknown"]);
    const query = "/api/findings?latest=false&sort=severity&order=desc";
    const page = await call(base, "GET", query, admin);
    expect(page.body.items.map((f: { severity: string }) => f.severity)).toEqual(["medium"]);
  });

  it("keeps triage across snapshots with an audit trail, and diffs snapshots", async () => {
    const [finding] = (
      await call(base, "GET", "/api/findings?vulnerabilityId=CVE-2020-15250", admin)
    ).body.items;
    const noReason = await call(base, "PUT", `/api/findings/${finding.id}/analysis`, admin, {
      state: "not_affected",
    });
    expect(noReason.status).toBe(400);
    const set = await call(base, "PUT", `/api/findings/${finding.id}/analysis`, admin, {
      state: "not_affected",
      justification: "code_not_reachable",
      comment: "tests only",
    });
    expect(set.status).toBe(200);
    const second = await call(
      base,
      "POST",
      "/api/snapshots?project=prod/web-01/app",
      ci,
      fixture("alpine-310.cdx.json"),
    );
    const third = await call(
      base,
      "POST",
      "/api/snapshots?project=prod/web-01/app",
      ci,
      fixture("syft-dir-coverage.cdx.json"),
    );
    await eventually(async () =>
      (await call(base, "GET", `/api/snapshots/${third.body.id}`, admin)).body.state === "ready"
        ? true
        : undefined,
    );
    const carried = (await call(base, "GET", `/api/findings?snapshotId=${third.body.id}`, admin))
      .body.items[0];
    expect(carried.analysis).toMatchObject({
      state: "not_affected",
      justification: "code_not_reachable",
      updatedBy: "admin",
    });
    const audit = await call(base, "GET", `/api/findings/${carried.id}/audit`, admin);
    expect(
      audit.body.items.map((a: { newState: string; actor: string }) => [a.newState, a.actor]),
    ).toEqual([["not_affected", "admin"]]);
    const diff = await call(
      base,
      "GET",
      `/api/snapshot-diff?from=${finding.snapshotId}&to=${second.body.id}`,
      admin,
    );
    expect(
      diff.body.findings.fixed.map((f: { vulnerabilityId: string }) => f.vulnerabilityId),
    ).toEqual(["CVE-2020-15250"]);
    expect(diff.body.components.added.map((c: { name: string }) => c.name)).toContain("musl");
    expect(diff.body.components.removed.map((c: { name: string }) => c.name)).toContain("junit");
    const same = await call(
      base,
      "GET",
      `/api/snapshot-diff?from=${finding.snapshotId}&to=${third.body.id}`,
      admin,
    );
    expect(same.body.components).toEqual({ added: [], removed: [], changed: [] });
  });

  it("re-matches when new advisories arrive and sends a signed webhook", async () => {
    const hook = await call(base, "POST", "/api/webhooks", admin, {
      url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
      minSeverity: "unknown",
    });
    expect(hook.status).toBe(201);
    importAdvisories(vulnDb, fixturePath("advisories-later"));
    expect((await call(base, "POST", "/api/vulndb/update", admin)).status).toBe(202);
    const delivery = await eventually(async () =>
      received.find((r) => r.body.includes("CVE-2023-32681")),
    );
    const expected = `sha256=${createHmac("sha256", hook.body.secret).update(delivery.body).digest("hex")}`;
    expect(delivery.signature).toBe(expected);
    const body = JSON.parse(delivery.body);
    expect(body.findings.map((f: { purl: string }) => f.purl)).toEqual([
      "pkg:pypi/requests@2.22.0",
    ]);
    const metrics = await call(base, "GET", "/api/metrics", admin);
    expect(metrics.body.items.at(-1)).toMatchObject({ unknown: 1, medium: 1 });
  });

  it("guards cookie sessions against CSRF and limits login attempts", async () => {
    const session = admin as { session: string; csrf: string };
    const noToken = await call(
      base,
      "POST",
      "/api/projects",
      { session: session.session, csrf: "" },
      { path: "prod/x", kind: "host" },
    );
    expect(noToken.body.error.code).toBe("csrf_failed");
    for (let i = 0; i < 5; i++)
      expect(
        (
          await call(base, "POST", "/api/auth/login", undefined, {
            username: "admin",
            password: "wrong",
          })
        ).status,
      ).toBe(401);
    const limited = await call(base, "POST", "/api/auth/login", undefined, {
      username: "admin",
      password,
    });
    expect([limited.status, limited.body.error.code]).toEqual([429, "rate_limited"]);
  });

  it("refuses a revoked token", async () => {
    const list = await call(base, "GET", "/api/tokens", admin);
    const id = list.body.items[0].id;
    expect((await call(base, "DELETE", `/api/tokens/${id}`, admin)).status).toBe(204);
    const after = await call(base, "GET", "/api/projects", ci);
    expect([after.status, after.body.error.code]).toEqual([401, "unauthenticated"]);
  });
});
