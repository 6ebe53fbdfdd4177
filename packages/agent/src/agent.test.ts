/**
 * The agent against real components on loopback: a Podman API service on a unix socket (its
 * images loaded with `podman load`, its containers made with `podman create` and never run)
 * and a real Lading server process. The engine, the server and the agent are each restarted
 * mid-test to show that events resume, that snapshots wait on disk, and that none is lost or
 * sent twice.
 */
import { execFile, spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireTools, skipWithoutTools } from "../../../test/harness/tools.js";
import { alpineTar } from "../../scanner/src/source/image-fixtures.fixture.js";
import { type Auth, call, eventually, login } from "../../server/src/test-harness/client.js";
import { tempDir } from "../../server/src/test-harness/fixtures.js";
import { freePort } from "../../server/src/test-harness/ports.js";
import {
  type ServerProcess,
  startServerProcess,
} from "../../server/src/test-harness/server-process.js";
import { Agent } from "./agent.js";
import { resolveAgentConfig } from "./config/agent-config.js";
import { type PodmanEngine, startPodmanEngine } from "./testing/podman-engine.fixture.js";

const TOOLS = ["podman"];
const password = "correct horse battery staple";
const cli = join(import.meta.dirname, "../../cli/bin/lading.js");
// Set LADING_AGENT_TEST_LOG to watch what the agent does while a test runs.
const say = (level: string) => (fields: object, message: string) => {
  if (process.env.LADING_AGENT_TEST_LOG)
    console.error(`agent ${level}: ${message} ${JSON.stringify(fields)}`);
};
const logger = { debug: say("debug"), info: say("info"), warn: say("warn") };
// alpine 3.10.4's installed database lists 14 packages; the image adds no others.
const ALPINE_PACKAGES = 14;

describe.skipIf(skipWithoutTools("the agent tests", TOOLS))("lading agent", () => {
  let engine: PodmanEngine;
  let server: ServerProcess;
  let port: number;
  let admin: Auth;
  let token: string;
  const dataDir = tempDir("agent-server");
  const vulnDbDir = tempDir("agent-vulndb");
  const stateDir = tempDir("agent-state");
  let agent: Agent | undefined;

  const startServer = async () => {
    server = await startServerProcess({
      dataDir,
      vulnDbDir,
      env: { LADING_ADMIN_PASSWORD: password },
      args: ["--port", String(port)],
    });
  };
  const api = (method: string, path: string, body?: unknown) =>
    call(server.url, method, path, admin, body);
  const snapshotsOf = async (path: string) =>
    (await api("GET", "/api/snapshots?limit=500&order=asc")).body.items.filter(
      (s: { projectPath: string }) => s.projectPath === path,
    );
  const watched = async (path: string) =>
    (await api("GET", "/api/agents")).body.items[0]?.containers.find(
      (c: { path: string }) => c.path === path,
    );
  const newAgent = () =>
    new Agent(
      resolveAgentConfig({
        server: server.url,
        token,
        engine: engine.endpoint,
        stateDir,
        hostName: "host-1",
        projectPrefix: "lab",
        heartbeatInterval: "1s",
        resyncInterval: "1h",
        uploadInterval: "24h",
      }),
      { logger, toolVersion: "0.1.0-test" },
    );

  beforeAll(async () => {
    requireTools(TOOLS);
    port = await freePort();
    engine = await startPodmanEngine();
    await engine.podman("load", "-q", "-i", alpineTar());
    await startServer();
    admin = await login(server.url, "admin", password);
    const made = await api("POST", "/api/tokens", {
      name: "agent",
      scopes: ["upload"],
      projectPrefix: "lab",
      createProjects: true,
    });
    token = made.body.token;

    await engine.podman(
      ...["create", "--name", "shop_web_1", "--network", "none"],
      ...[
        "--label",
        "com.docker.compose.project=shop",
        "--label",
        "com.docker.compose.service=web",
      ],
      "localhost/alpine:3.10",
    );
    await engine.podman("create", "--name", "plain", "--network", "none", "localhost/alpine:3.10");
  });

  afterAll(async () => {
    await agent?.stop();
    await server?.stop();
    await engine?.remove();
  });

  it("--once fills the server with the host and its containers, then exits", async () => {
    const env = {
      ...process.env,
      LADING_SERVER: server.url,
      LADING_TOKEN: token,
      LADING_LOG_LEVEL: "warn",
    };
    // Asynchronously: a blocked event loop would stall everything the test process serves.
    await promisify(execFile)(
      process.execPath,
      [cli, "agent", "--once", "--engine", engine.endpoint, "--state-dir", stateDir],
      { env: { ...env, LADING_AGENT_CONFIG: writeConfig(stateDir) } },
    );
    const [host] = (await api("GET", "/api/agents")).body.items;
    expect(host).toMatchObject({ hostPath: "lab/host-1", online: true });
    expect(host.facts).toMatchObject({
      engine: "Podman Engine",
      engineVersion: expect.stringMatching(/^\d/),
    });
    expect(host.facts.kernel).not.toBe("unknown");
    expect(host.containers.map((c: { path: string }) => c.path)).toEqual([
      "lab/host-1/plain",
      "lab/host-1/shop/web",
    ]);
    for (const path of ["lab/host-1/plain", "lab/host-1/shop/web"]) {
      const [snapshot] = await snapshotsOf(path);
      expect(snapshot.componentCount).toBe(ALPINE_PACKAGES);
      expect(snapshot.imageDigest).toMatch(/^sha256:/);
    }
  });

  it("a running agent picks up a new container from the event stream, once", async () => {
    agent = newAgent();
    const first = await agent.start();
    // Restarted on the state --once left: nothing changed, so nothing is uploaded again.
    expect(first).toMatchObject({ containers: 2, queued: 0 });
    await engine.podman("create", "--name", "fresh", "--network", "none", "localhost/alpine:3.10");
    await eventually(async () =>
      (await snapshotsOf("lab/host-1/fresh")).length === 1 ? true : undefined,
    );
    expect(await snapshotsOf("lab/host-1/plain")).toHaveLength(1);
  });

  it("a container recreated from an image with a new digest gets a new snapshot and a diff", async () => {
    await engine.build(
      "localhost/shop-web:2",
      "localhost/alpine:3.10",
      { "/usr/lib/node_modules/left-pad/package.json": '{"name":"left-pad","version":"1.3.0"}\n' },
      { "org.opencontainers.image.version": "2" },
    );
    await engine.podman("rm", "shop_web_1");
    await engine.podman(
      ...["create", "--name", "shop_web_1", "--network", "none"],
      ...[
        "--label",
        "com.docker.compose.project=shop",
        "--label",
        "com.docker.compose.service=web",
      ],
      "localhost/shop-web:2",
    );
    const [before, after] = await eventually(async () => {
      const found = await snapshotsOf("lab/host-1/shop/web");
      return found.length === 2 ? found : undefined;
    });
    expect(after.imageDigest).not.toBe(before.imageDigest);
    const diff = await api("GET", `/api/snapshot-diff?from=${before.id}&to=${after.id}`);
    expect(diff.body.components.added.map((c: { purl: string }) => c.purl)).toContain(
      "pkg:npm/left-pad@1.3.0",
    );
    expect((await watched("lab/host-1/shop/web")).labels).toEqual({
      "org.opencontainers.image.version": "2",
    });
  });

  it("a removed container is marked gone", async () => {
    await engine.podman("rm", "fresh");
    await eventually(async () => ((await watched("lab/host-1/fresh"))?.goneAt ? true : undefined));
    expect((await watched("lab/host-1/plain")).goneAt).toBeNull();
  });

  it("reconnects to the event stream after the engine restarts", async () => {
    await engine.stopService();
    await new Promise((r) => setTimeout(r, 1500));
    await engine.startService();
    // Give the backoff time to reconnect, then prove events flow again.
    await new Promise((r) => setTimeout(r, 3000));
    await engine.podman(
      "create",
      "--name",
      "after-restart",
      "--network",
      "none",
      "localhost/alpine:3.10",
    );
    await eventually(async () =>
      (await snapshotsOf("lab/host-1/after-restart")).length === 1 ? true : undefined,
    );
  });

  it("answers a rescan request with one new snapshot", async () => {
    const plain = await watched("lab/host-1/plain");
    expect((await api("POST", `/api/projects/${plain.projectId}/rescan`)).status).toBe(202);
    await eventually(async () =>
      (await snapshotsOf("lab/host-1/plain")).length === 2 ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 2500));
    expect(await snapshotsOf("lab/host-1/plain")).toHaveLength(2);
  });

  it("keeps snapshots on disk while the server is down and across an agent restart", async () => {
    await server.stop();
    await engine.podman(
      "create",
      "--name",
      "while-down",
      "--network",
      "none",
      "localhost/shop-web:2",
    );
    await engine.podman(
      "create",
      "--name",
      "while-down-2",
      "--network",
      "none",
      "localhost/alpine:3.10",
    );
    const queue = join(stateDir, "queue");
    await eventually(async () => (readdirSync(queue).length === 2 ? true : undefined));
    await agent?.stop();
    agent = newAgent();
    await agent.start();
    expect(readdirSync(queue)).toHaveLength(2);
    await agent.stop();
    agent = newAgent();
    await startServer();
    await agent.start();
    await eventually(async () => (readdirSync(queue).length === 0 ? true : undefined));
    const down = await snapshotsOf("lab/host-1/while-down");
    const down2 = await snapshotsOf("lab/host-1/while-down-2");
    expect([down.length, down2.length]).toEqual([1, 1]);
    // Sent in the order queued.
    expect(down[0].createdAt <= down2[0].createdAt).toBe(true);
    expect(down[0].componentCount).toBe(ALPINE_PACKAGES + 1);
  });

  it("as a service: fills the server within seconds, reacts without a restart, stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [
        cli,
        "agent",
        "--engine",
        engine.endpoint,
        "--host-name",
        "host-2",
        "--project-prefix",
        "lab",
      ],
      {
        env: {
          ...process.env,
          LADING_SERVER: server.url,
          LADING_TOKEN: token,
          LADING_AGENT_STATE_DIR: tempDir("agent-state-2"),
          LADING_LOG_LEVEL: "warn",
        },
        stdio: "ignore",
      },
    );
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    const host2 = async () =>
      (await api("GET", "/api/agents")).body.items.find(
        (a: { hostPath: string }) => a.hostPath === "lab/host-2",
      );
    await eventually(async () => ((await host2())?.containers.length === 5 ? true : undefined));
    await engine.podman("create", "--name", "late", "--network", "none", "localhost/alpine:3.10");
    await eventually(async () =>
      (await snapshotsOf("lab/host-2/late")).length === 1 ? true : undefined,
    );
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

/** A config file holding the host name and prefix, to show the file is read. */
function writeConfig(dir: string): string {
  const path = `${dir}-agent.yaml`;
  writeFileSync(path, "hostName: host-1\nprojectPrefix: lab\n");
  return path;
}
