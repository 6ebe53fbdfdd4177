/** Agent heartbeats, gone containers and rescan requests against a real server process. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Auth, call, eventually, login } from "./test-harness/client.js";
import { fixture, tempDir } from "./test-harness/fixtures.js";
import { type ServerProcess, startServerProcess } from "./test-harness/server-process.js";

const password = "correct horse battery staple";
const beat = (containers: string[], intervalSeconds = 30) => ({
  host: "edge/host-1",
  facts: { os: "Debian GNU/Linux 12 (bookworm)", kernel: "6.1.0", engine: "Podman Engine 4.3.1" },
  intervalSeconds,
  containers: containers.map((path) => ({
    path,
    labels: { "org.opencontainers.image.title": path },
  })),
});

describe("agents", () => {
  let server: ServerProcess;
  let admin: Auth;
  let agent: Auth;

  beforeAll(async () => {
    server = await startServerProcess({
      dataDir: tempDir("agents"),
      vulnDbDir: tempDir("agents-db"),
      env: { LADING_ADMIN_PASSWORD: password },
    });
    admin = await login(server.url, "admin", password);
    const made = await call(server.url, "POST", "/api/tokens", admin, {
      name: "agent",
      scopes: ["upload"],
      projectPrefix: "edge",
      createProjects: true,
    });
    agent = { bearer: made.body.token };
  });
  afterAll(() => server?.stop());

  const agents = async () => (await call(server.url, "GET", "/api/agents", admin)).body.items;

  it("creates the host and its containers and records the facts", async () => {
    const answer = await call(
      server.url,
      "POST",
      "/api/agents/heartbeat",
      agent,
      beat(["edge/host-1/web", "edge/host-1/shop/db"]),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.rescan).toEqual([]);
    const [only] = await agents();
    expect(only).toMatchObject({ hostPath: "edge/host-1", online: true, intervalSeconds: 30 });
    expect(only.facts.engine).toBe("Podman Engine 4.3.1");
    expect(only.containers.map((c: { path: string }) => c.path)).toEqual([
      "edge/host-1/shop/db",
      "edge/host-1/web",
    ]);
    const host = await call(server.url, "GET", `/api/projects/${only.hostProjectId}`, admin);
    expect(host.body.kind).toBe("host");
  });

  it("marks a container missing from a heartbeat gone, and back when it returns", async () => {
    await call(server.url, "POST", "/api/agents/heartbeat", agent, beat(["edge/host-1/web"]));
    const gone = (await agents())[0].containers.find(
      (c: { path: string }) => c.path === "edge/host-1/shop/db",
    );
    expect(gone.goneAt).not.toBeNull();
    await call(
      server.url,
      "POST",
      "/api/agents/heartbeat",
      agent,
      beat(["edge/host-1/web", "edge/host-1/shop/db"]),
    );
    const back = (await agents())[0].containers.find(
      (c: { path: string }) => c.path === "edge/host-1/shop/db",
    );
    expect(back.goneAt).toBeNull();
  });

  it("hands out a rescan request until a newer snapshot answers it", async () => {
    const host = (await agents())[0].hostProjectId;
    const asked = await call(server.url, "POST", `/api/projects/${host}/rescan`, admin);
    expect(asked).toMatchObject({ status: 202, body: { requested: 2 } });
    const both = await call(
      server.url,
      "POST",
      "/api/agents/heartbeat",
      agent,
      beat(["edge/host-1/web", "edge/host-1/shop/db"]),
    );
    expect(both.body.rescan.sort()).toEqual(["edge/host-1/shop/db", "edge/host-1/web"]);
    const up = await call(
      server.url,
      "POST",
      "/api/snapshots?project=edge/host-1/web",
      agent,
      fixture("alpine-310.spdx.json"),
    );
    expect(up.status).toBe(202);
    const after = await call(
      server.url,
      "POST",
      "/api/agents/heartbeat",
      agent,
      beat(["edge/host-1/web", "edge/host-1/shop/db"]),
    );
    expect(after.body.rescan).toEqual(["edge/host-1/shop/db"]);
  });

  it("refuses a rescan of a project no agent watches", async () => {
    const made = await call(server.url, "POST", "/api/projects", admin, {
      path: "ci/app",
      kind: "application",
    });
    const asked = await call(server.url, "POST", `/api/projects/${made.body.id}/rescan`, admin);
    expect(asked.status).toBe(404);
  });

  it("refuses containers outside the host", async () => {
    const answer = await call(
      server.url,
      "POST",
      "/api/agents/heartbeat",
      agent,
      beat(["edge/other/web"]),
    );
    expect(answer.status).toBe(400);
  });

  it("counts an agent offline after three missed heartbeats", async () => {
    await call(server.url, "POST", "/api/agents/heartbeat", agent, beat(["edge/host-1/web"], 1));
    expect((await agents())[0].online).toBe(true);
    await eventually(async () => ((await agents())[0].online ? undefined : true), 10_000);
  });
});
