/**
 * The agent's settings, from flags, then the environment, then a YAML config file, then
 * defaults. The token is never logged.
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { AgentError } from "../errors.js";
import { parseDuration } from "./duration.js";

/** Everything the agent runs with. */
export interface AgentConfig {
  serverUrl: string;
  token: string;
  engineUrl?: string;
  stateDir: string;
  /** The host project's name; the engine's host name when absent. */
  hostName?: string;
  /** Project path the host project goes below (`prod`), for tokens confined to a branch. */
  projectPrefix?: string;
  resyncIntervalMs: number;
  uploadIntervalMs: number;
  heartbeatIntervalMs: number;
}

/** Settings as given (flags, or the config file's keys): strings, all optional. */
export interface AgentSettings {
  server?: string;
  token?: string;
  engine?: string;
  stateDir?: string;
  hostName?: string;
  projectPrefix?: string;
  resyncInterval?: string;
  uploadInterval?: string;
  heartbeatInterval?: string;
}

const ENV: Partial<Record<keyof AgentSettings, string>> = {
  server: "LADING_SERVER",
  token: "LADING_TOKEN",
  engine: "LADING_ENGINE",
  stateDir: "LADING_AGENT_STATE_DIR",
};

/** The config file: `--config`, `LADING_AGENT_CONFIG`, or `/etc/lading/agent.yaml` when present. */
export function configFilePath(flag?: string): string | undefined {
  const named = flag ?? process.env.LADING_AGENT_CONFIG;
  if (named) return named;
  return existsSync("/etc/lading/agent.yaml") ? "/etc/lading/agent.yaml" : undefined;
}

/** Merges flags, environment and file into a checked configuration. */
export function resolveAgentConfig(flags: AgentSettings, configFile?: string): AgentConfig {
  const file = configFile ? readConfigFile(configFile) : {};
  const pick = (key: keyof AgentSettings) => {
    const env = ENV[key];
    return flags[key] ?? (env ? process.env[env] : undefined) ?? file[key];
  };
  const serverUrl = pick("server");
  const token = pick("token");
  if (!serverUrl)
    throw new AgentError(
      "no server: pass --server URL, set LADING_SERVER, or write server: in the config file",
    );
  if (!token)
    throw new AgentError(
      "no token: pass --token, set LADING_TOKEN, or write token: in the config file",
    );
  checkUrl(serverUrl);
  return {
    serverUrl,
    token,
    engineUrl: pick("engine"),
    stateDir: pick("stateDir") ?? defaultStateDir(),
    hostName: pick("hostName"),
    projectPrefix: pick("projectPrefix"),
    resyncIntervalMs: parseDuration(pick("resyncInterval") ?? "5m", "resync interval"),
    uploadIntervalMs: parseDuration(pick("uploadInterval") ?? "24h", "upload interval"),
    heartbeatIntervalMs: parseDuration(pick("heartbeatInterval") ?? "30s", "heartbeat interval"),
  };
}

function readConfigFile(path: string): AgentSettings {
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new AgentError(`cannot read the agent config ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed))
    throw new AgentError(`agent config ${path}: expected a mapping of settings`);
  return Object.fromEntries(
    Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  ) as AgentSettings;
}

function checkUrl(url: string): void {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return;
  } catch {}
  throw new AgentError(`server ${url} is not an http:// or https:// URL`);
}

function defaultStateDir(): string {
  if (process.getuid?.() === 0) return "/var/lib/lading/agent";
  return join(process.env.XDG_STATE_HOME ?? join(homedir(), ".local/state"), "lading/agent");
}
