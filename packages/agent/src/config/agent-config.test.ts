import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveAgentConfig } from "./agent-config.js";
import { parseDuration } from "./duration.js";

const dir = mkdtempSync(join(tmpdir(), "lading-agent-config-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const saved = { server: process.env.LADING_SERVER, token: process.env.LADING_TOKEN };

afterEach(() => {
  for (const [name, value] of [
    ["LADING_SERVER", saved.server],
    ["LADING_TOKEN", saved.token],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("agent configuration", () => {
  it("takes flags over the environment over the file", () => {
    const path = file(
      "all.yaml",
      "server: http://127.0.0.1:1\ntoken: from-file\nhostName: from-file\nresyncInterval: 10m\n",
    );
    process.env.LADING_TOKEN = "from-env";
    const config = resolveAgentConfig({ hostName: "from-flag", stateDir: dir }, path);
    expect(config).toMatchObject({
      serverUrl: "http://127.0.0.1:1",
      token: "from-env",
      hostName: "from-flag",
      resyncIntervalMs: 600_000,
      uploadIntervalMs: 86_400_000,
      heartbeatIntervalMs: 30_000,
    });
  });

  it("says where the server and token may come from when both are missing", () => {
    delete process.env.LADING_SERVER;
    delete process.env.LADING_TOKEN;
    expect(() => resolveAgentConfig({})).toThrow(/no server: pass --server URL, set LADING_SERVER/);
    expect(() => resolveAgentConfig({ server: "http://127.0.0.1:1" })).toThrow(/no token/);
  });

  it("refuses a server that is not http(s) and a broken config file", () => {
    expect(() => resolveAgentConfig({ server: "ftp://x", token: "t" })).toThrow(/not an http/);
    const bad = file("bad.yaml", "server: [unclosed\n");
    expect(() => resolveAgentConfig({}, bad)).toThrow(/cannot read the agent config/);
    const list = file("list.yaml", "- a\n- b\n");
    expect(() => resolveAgentConfig({}, list)).toThrow(/expected a mapping/);
  });

  it.each([
    ["500ms", 500],
    ["30s", 30_000],
    ["45", 45_000],
    ["5m", 300_000],
    ["1.5h", 5_400_000],
    ["7d", 604_800_000],
  ])("reads the duration %s", (text, ms) => {
    expect(parseDuration(text, "interval")).toBe(ms);
  });

  it("refuses a duration without a known unit", () => {
    expect(() => parseDuration("5 weeks", "upload interval")).toThrow(
      /upload interval "5 weeks" is not a duration/,
    );
  });
});
