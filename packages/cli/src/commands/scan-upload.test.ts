import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Auth, call, eventually, login } from "../../../server/src/test-harness/client.js";
import {
  type ServerProcess,
  startServerProcess,
} from "../../../server/src/test-harness/server-process.js";

// `lading scan ... --upload` as a CI job runs it: the built program scans the corpus's
// gradle.lockfile (commons-text 1.8 and junit 4.12, each with a GHSA record in the scan's own
// --db) and uploads the SBOM with a scoped token to a real server on loopback, which stores it
// as a snapshot of the named project and matches it against its own advisories.
const bin = fileURLToPath(new URL("../../bin/lading.js", import.meta.url));
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const testdata = join(root, "packages/scanner/src/report/testdata");
const gradle = `dir:${join(testdata, "java-gradle")}`;
const password = "correct horse battery staple";

function lading(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

describe("lading scan --upload", () => {
  let work: string;
  let server: ServerProcess;
  let admin: Auth;
  let token: string;
  let db: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "lading-scan-upload-"));
    db = join(work, "db");
    const imported = await lading({}, "db", "--db", db, "import", join(testdata, "osv"));
    if (imported.status !== 0) throw new Error(imported.stderr);
    server = await startServerProcess({
      dataDir: join(work, "server"),
      vulnDbDir: db,
      env: { LADING_ADMIN_PASSWORD: password },
      args: ["--port", "0", "--offline"],
    });
    admin = await login(server.url, "admin", password);
    const made = await call(server.url, "POST", "/api/tokens", admin, {
      name: "ci",
      scopes: ["upload"],
      projectPrefix: "ci",
      createProjects: true,
    });
    token = made.body.token;
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it("stores the scan as a snapshot whose findings the server matches too", async () => {
    const run = await lading(
      { LADING_TOKEN: token },
      ...["scan", gradle, "--db", db, "--no-cache", "-o", "json=/dev/null"],
      ...["--upload", "--server", server.url, "--project", "ci/shop/api", "--fail-on", "high"],
    );
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/uploaded snapshot \S+ \(\d+ components\) to ci\/shop\/api/);
    expect(run.stderr).not.toContain(token);
    const findings = await eventually(async () => {
      const answer = await call(server.url, "GET", "/api/findings?limit=50", admin);
      return answer.body.items.length >= 2 ? answer.body.items : undefined;
    });
    expect(findings.map((f: { vulnerabilityId: string }) => f.vulnerabilityId).sort()).toEqual([
      "CVE-2020-15250",
      "CVE-2022-42889",
    ]);
  });

  it("refuses a project outside the token's scope, and names what is missing", async () => {
    const outside = await lading(
      { LADING_TOKEN: token },
      ...["scan", gradle, "--db", db, "--no-cache", "-o", "json=/dev/null"],
      ...["--upload", "--server", server.url, "--project", "prod/api"],
    );
    expect(outside.status).toBe(1);
    expect(outside.stderr).not.toContain(token);
    const missing = await lading({}, "scan", gradle, "--db", db, "--upload");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("--upload needs --server (or LADING_SERVER)");
  });
});
