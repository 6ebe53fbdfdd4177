/**
 * `lading server --demo` as a new user runs it: the built CLI as a child process, on a fresh data
 * directory, with no network. The server must print its URL and the setup link, and the API must
 * hold the bundled projects, their snapshots and their findings; a restart must not add more.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type Auth, call, login } from "../test-harness/client.js";
import { tempDir } from "../test-harness/fixtures.js";
import { ensureBuilt } from "../test-harness/server-process.js";

const bin = fileURLToPath(new URL("../../../cli/bin/lading.js", import.meta.url));
const password = "correct horse battery staple";
const running: ChildProcess[] = [];

afterEach(async () => {
  for (const child of running.splice(0)) await stop(child);
});

describe("lading server --demo", () => {
  it("starts with the bundled projects, snapshots and findings, and loads them once", async () => {
    const dataDir = tempDir("demo");
    const first = await startDemo(dataDir);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const admin = await completeSetup(first.url, first.setupUrl);
    const before = await demoState(first.url, admin);
    // demo, demo/apps and demo/containers are groups made on the way to the six projects.
    expect(before.projects).toBe(9);
    expect(before.snapshots.map((s) => [s.projectPath, s.state]).sort()).toEqual([
      ["demo/apps/go-module", "ready"],
      ["demo/apps/java-gradle", "ready"],
      ["demo/apps/python-flask", "ready"],
      ["demo/apps/python-poetry", "ready"],
      ["demo/apps/python-requirements", "ready"],
      ["demo/containers/alpine-310", "ready"],
    ]);
    // Per project, what `lading scan dir:<project>` reports against the same advisories.
    expect(before.findingsPerProject).toEqual({
      "demo/apps/go-module": 1,
      "demo/apps/java-gradle": 2,
      "demo/apps/python-flask": 13,
      "demo/apps/python-poetry": 14,
      "demo/apps/python-requirements": 6,
    });
    // junit 4.12 (GHSA-269g-pwp5-87pp, fixed in 4.13.1) and commons-text 1.8 (GHSA-599f-7c49-w659).
    const java = before.snapshots.find((s) => s.projectPath === "demo/apps/java-gradle");
    const found = await call(first.url, "GET", `/api/findings?snapshotId=${java?.id}`, admin);
    const ids = found.body.items.map((f: { vulnerabilityId: string }) => f.vulnerabilityId);
    expect(ids.sort()).toEqual(["CVE-2020-15250", "CVE-2022-42889"]);
    await stop(first.child);

    const second = await startDemo(dataDir);
    expect(second.setupUrl).toBeUndefined();
    const again = await login(second.url, "admin", password);
    expect(await demoState(second.url, again)).toEqual(before);
  });
});

interface Started {
  url: string;
  setupUrl?: string;
  child: ChildProcess;
}

async function startDemo(dataDir: string): Promise<Started> {
  ensureBuilt();
  const args = [bin, "server", "--demo", "--port", "0", "--data-dir", dataDir];
  // No LADING_DB_DIR: the demo must keep its advisories in its own data directory.
  const env = { ...process.env, LADING_DB_DIR: "" };
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  let text = "";
  child.stdout?.on("data", (d) => (text += d));
  child.stderr?.on("data", (d) => (text += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const url = /Lading is running at (\S+)/.exec(text)?.[1];
    if (url) {
      await new Promise((r) => setTimeout(r, 100));
      return { url, setupUrl: /one-time link\): (\S+)/.exec(text)?.[1], child };
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no URL: ${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function completeSetup(url: string, setupUrl: string | undefined): Promise<Auth> {
  expect(setupUrl).toMatch(new RegExp(`^${url}/setup\\?token=`));
  const token = new URL(setupUrl as string).searchParams.get("token");
  const created = await call(url, "POST", "/api/setup", undefined, {
    token,
    username: "admin",
    password,
  });
  expect(created.status).toBe(201);
  return login(url, "admin", password);
}

async function demoState(url: string, auth: Auth) {
  const projects = await call(url, "GET", "/api/projects?limit=500", auth);
  const snapshots = (await call(url, "GET", "/api/snapshots?limit=500", auth)).body.items as {
    id: string;
    projectPath: string;
    state: string;
  }[];
  const findingsPerProject: Record<string, number> = {};
  for (const s of snapshots) {
    const found = await call(url, "GET", `/api/findings?snapshotId=${s.id}&limit=1`, auth);
    if (found.body.total > 0) findingsPerProject[s.projectPath] = found.body.total;
  }
  return { projects: projects.body.total as number, snapshots, findingsPerProject };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
