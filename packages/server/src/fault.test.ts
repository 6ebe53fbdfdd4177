/**
 * kill -9 in the middle of uploads: every acknowledged snapshot survives, no snapshot is stored
 * half, and matching jobs left queued or running resume after a restart.
 */
import { afterAll, describe, expect, it } from "vitest";
import { type Auth, call, eventually, login } from "./test-harness/client.js";
import { fixture, fixturePath, importAdvisories, tempDir } from "./test-harness/fixtures.js";
import { backends, startPostgres, type TestPostgres } from "./test-harness/postgres.js";
import { type ServerProcess, startServerProcess } from "./test-harness/server-process.js";

const password = "correct horse battery staple";

describe.each(backends())("kill -9 during uploads on %s", (backend) => {
  let pgCluster: TestPostgres | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    pgCluster?.stop();
  });

  it("loses no committed snapshot, leaves no half one, and resumes matching", async () => {
    if (backend === "postgres") pgCluster = await startPostgres();
    const databaseUrl = await pgCluster?.createDatabase("fault");
    const options = {
      dataDir: tempDir("fault"),
      vulnDbDir: tempDir("fault-db"),
      databaseUrl,
      env: { LADING_ADMIN_PASSWORD: password, LADING_JOB_LEASE_MS: "1500" },
    };
    importAdvisories(options.vulnDbDir, fixturePath("advisories-first"));
    server = await startServerProcess(options);
    const admin: Auth = await login(server.url, "admin", password);
    const sbom = fixture("syft-dir-coverage.cdx.json");
    const acknowledged: string[] = [];
    // A clean upload first gives the component count every stored copy must have.
    const clean = await call(server.url, "POST", "/api/snapshots?project=prod/clean", admin, sbom);
    const expectedCount = clean.body.componentCount;
    expect(expectedCount).toBeGreaterThan(90);
    const uploads = Array.from({ length: 40 }, (_, i) =>
      call(server?.url as string, "POST", `/api/snapshots?project=prod/app-${i % 4}`, admin, sbom)
        .then((a) => (a.status === 202 ? acknowledged.push(a.body.id) : undefined))
        .catch(() => undefined),
    );
    await eventually(async () => (acknowledged.length >= 3 ? true : undefined), 30_000);
    await server.kill9();
    await Promise.all(uploads);

    server = await startServerProcess(options);
    const base = server.url;
    const again: Auth = await login(base, "admin", password);
    const all = (await call(base, "GET", "/api/snapshots?limit=500", again)).body;
    const stored = all.items.map((s: { id: string }) => s.id);
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    for (const s of all.items) {
      const components = await call(
        base,
        "GET",
        `/api/snapshots/${s.id}/components?limit=1`,
        again,
      );
      expect([s.componentCount, components.body.total]).toEqual([expectedCount, expectedCount]);
    }
    const ready = await eventually(async () => {
      const left = (await call(base, "GET", "/api/snapshots?state=processing", again)).body.total;
      return left === 0
        ? (await call(base, "GET", "/api/snapshots?state=ready", again)).body.total
        : undefined;
    }, 60_000);
    expect(ready).toBe(all.total);
    const findings = await call(
      base,
      "GET",
      "/api/findings?latest=false&vulnerabilityId=CVE-2020-15250&limit=1",
      again,
    );
    expect(findings.body.total).toBe(all.total);
  });
});
