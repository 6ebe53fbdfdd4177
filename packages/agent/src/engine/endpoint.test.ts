import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { engineJson, parseEngineUrl } from "./endpoint.js";

const dir = mkdtempSync(join(tmpdir(), "lading-agent-endpoint-"));

describe("engine endpoint", () => {
  it("parses unix and tcp addresses and refuses others", () => {
    expect(parseEngineUrl("unix:///run/podman/podman.sock")).toMatchObject({
      socketPath: "/run/podman/podman.sock",
    });
    expect(parseEngineUrl("tcp://127.0.0.1:2375")).toMatchObject({ host: "127.0.0.1", port: 2375 });
    expect(() => parseEngineUrl("ssh://host")).toThrow(/not unix:\/\/\/path or tcp:\/\/host:port/);
  });

  it("says the socket is missing", async () => {
    const endpoint = parseEngineUrl(`unix://${join(dir, "absent.sock")}`);
    await expect(engineJson(endpoint, "/version")).rejects.toThrow(
      /no container engine answers at unix:\/\/.*absent\.sock: the socket does not exist/,
    );
  });

  it("says the connection was refused", async () => {
    // A socket file nobody listens on any more: the kernel refuses the connection.
    const path = join(dir, "stale.sock");
    const server = createServer();
    await new Promise<void>((r) => server.listen(path, r));
    await new Promise<void>((r) => {
      server.close(() => r());
    });
    writeFileSync(path, "");
    const endpoint = parseEngineUrl(`unix://${path}`);
    await expect(engineJson(endpoint, "/version")).rejects.toThrow(
      /the connection was refused \(is the engine running\?\)/,
    );
  });
});
