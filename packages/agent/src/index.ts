/**
 * Lading's agent: watches a Docker or Podman host through its API socket and keeps a Lading
 * server's snapshots of every container current.
 */
export { Agent, type AgentOptions } from "./agent.js";
export {
  type AgentConfig,
  type AgentSettings,
  configFilePath,
  resolveAgentConfig,
} from "./config/agent-config.js";
export { parseDuration } from "./config/duration.js";
export { AgentError, ServerRefusedError, ServerUnavailableError } from "./errors.js";
export {
  type HeartbeatAnswer,
  type HeartbeatRequest,
  sendHeartbeat,
  type UploadAnswer,
  uploadSnapshot,
} from "./server/client.js";
export type { SyncReport } from "./sync.js";
