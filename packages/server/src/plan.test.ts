/**
 * A snapshot's remediation plan and rebuild suggestions, against a real server on SQLite and on
 * PostgreSQL, with SBOMs `lading sbom` writes of the real test images: the Debian test image as a
 * base, an image derived from it, and the base as rebuilt later with gzip fixed (see
 * test-harness/debian-plan.ts).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithTestImages } from "../../../test/support/test-images.js";
import { type Auth, call, eventually, login } from "./test-harness/client.js";
import { COREUTILS, debianPlanInputs, GZIP } from "./test-harness/debian-plan.js";
import { tempDir } from "./test-harness/fixtures.js";
import { backends, startPostgres, type TestPostgres } from "./test-harness/postgres.js";
import { type ServerProcess, startServerProcess } from "./test-harness/server-process.js";

const password = "correct horse battery staple";

const withImages = describeWithTestImages("the plan and rebuild tests on the Debian test image");

withImages.each(backends())("a snapshot's plan on %s", (backend) => {
  let server: ServerProcess;
  let base: string;
  let admin: Auth;
  let pgCluster: TestPostgres | undefined;
  const ids: Record<string, string> = {};

  const upload = async (project: string, text: string) => {
    const up = await call(base, "POST", `/api/snapshots?project=${project}`, admin, text);
    expect(up.status, JSON.stringify(up.body)).toBe(202);
    const id = up.body.id as string;
    await eventually(async () => {
      const s = (await call(base, "GET", `/api/snapshots/${id}`, admin)).body;
      return s.state === "ready" ? s : undefined;
    }, 60_000);
    return id;
  };

  beforeAll(async () => {
    const inputs = debianPlanInputs();
    if (backend === "postgres") pgCluster = await startPostgres();
    const databaseUrl =
      backend === "postgres" ? await pgCluster?.createDatabase("plan") : undefined;
    server = await startServerProcess({
      dataDir: tempDir("plan-data"),
      vulnDbDir: inputs.vulnDb,
      databaseUrl,
      env: { LADING_ADMIN_PASSWORD: password },
    });
    base = server.url;
    admin = await login(base, "admin", password);
    ids.base = await upload("images/debian", inputs.base);
    ids.app = await upload("apps/derived", inputs.derived);
    ids.rebuilt = await upload("images/debian", inputs.rebuilt);
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    pgCluster?.stop();
  });

  it("plans the upgrades that fix the derived image's findings", async () => {
    const answer = await call(base, "GET", `/api/snapshots/${ids.app}/plan`, admin);
    expect(answer.status).toBe(200);
    const { plan } = answer.body;
    expect(plan.total).toBe(2);
    expect(plan.fixable).toBe(2);
    expect(plan.unfixed).toEqual([]);
    const byName = Object.fromEntries(plan.upgrades.map((u: { name: string }) => [u.name, u]));
    expect(Object.keys(byName).sort()).toEqual(["coreutils", "gzip"]);
    expect(byName.gzip).toMatchObject({
      kind: "os",
      type: "deb",
      installedVersion: GZIP.installed,
      targetVersion: GZIP.fixed,
      vulnerabilities: [GZIP.id],
    });
    expect(byName.gzip.command).toMatch(/^apt-get install .*--only-upgrade.* gzip/);
  });

  it("says a rebuild on the base's later snapshot removes gzip's finding", async () => {
    const { rebuild } = (await call(base, "GET", `/api/snapshots/${ids.app}/plan`, admin)).body;
    expect(rebuild).toHaveLength(1);
    expect(rebuild[0]).toMatchObject({
      base: { snapshotId: ids.base, projectPath: "images/debian", layers: 3, findings: 2 },
      candidate: { snapshotId: ids.rebuilt, projectPath: "images/debian", findings: 1 },
      removes: 1,
    });
    expect(rebuild[0].message).toMatch(/^rebuild on images\/debian@\w{12} .* removes 1 finding$/);
  });

  it("suggests no rebuild for an image built on no known base", async () => {
    const { plan, rebuild } = (await call(base, "GET", `/api/snapshots/${ids.base}/plan`, admin))
      .body;
    expect(rebuild).toEqual([]);
    expect(plan.total).toBe(2);
  });

  it("leaves out what triage marked not affected", async () => {
    const findings = await call(
      base,
      "GET",
      `/api/findings?snapshotId=${ids.app}&limit=100`,
      admin,
    );
    const coreutils = findings.body.items.find(
      (f: { vulnerabilityId: string }) => f.vulnerabilityId === COREUTILS.id,
    );
    expect(coreutils, JSON.stringify(findings.body)).toBeDefined();
    const triaged = await call(base, "PUT", `/api/findings/${coreutils.id}/analysis`, admin, {
      state: "not_affected",
      justification: "code_not_reachable",
      comment: "coreutils' affected tool is not run",
    });
    expect(triaged.status, JSON.stringify(triaged.body)).toBeLessThan(300);
    const { plan } = (await call(base, "GET", `/api/snapshots/${ids.app}/plan`, admin)).body;
    expect(plan.total).toBe(1);
    expect(plan.upgrades.map((u: { name: string }) => u.name)).toEqual(["gzip"]);
  });

  it("is not found for a snapshot the reader may not see", async () => {
    expect((await call(base, "GET", "/api/snapshots/nope/plan", admin)).status).toBe(404);
  });
});
