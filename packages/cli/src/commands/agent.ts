import { Agent, type AgentSettings, configFilePath, resolveAgentConfig } from "@lading/agent";
import type { Command } from "commander";
import { pino } from "pino";
import { toolVersion } from "../version.js";

interface AgentFlags extends AgentSettings {
  config?: string;
  once?: boolean;
}

/** `lading agent`: watches the engine on this host and keeps the server's snapshots current. */
export function registerAgentCommand(program: Command): void {
  program
    .command("agent")
    .description("watch a Docker or Podman host and keep its containers' snapshots current")
    .option("--server <url>", "Lading server URL (or LADING_SERVER)")
    .option("--token <token>", "API token with the upload scope (or LADING_TOKEN)")
    .option("--engine <url>", "engine socket, unix:///run/podman/podman.sock (or DOCKER_HOST)")
    .option(
      "--config <file>",
      "YAML settings (default /etc/lading/agent.yaml, or LADING_AGENT_CONFIG)",
    )
    .option("--state-dir <dir>", "where the queue and state are kept (or LADING_AGENT_STATE_DIR)")
    .option("--host-name <name>", "the host project's name (default: the engine's host name)")
    .option("--project-prefix <path>", "put the host project below this project path")
    .option("--resync-interval <duration>", "full resync this often, to catch missed events (5m)")
    .option("--upload-interval <duration>", "snapshot an unchanged container this often (24h)")
    .option(
      "--heartbeat-interval <duration>",
      "tell the server the agent is alive this often (30s)",
    )
    .option("--once", "scan everything, upload, and exit (for cron)")
    .action(async (flags: AgentFlags) => {
      const config = resolveAgentConfig(flags, configFilePath(flags.config));
      const logger = pino({
        level: process.env.LADING_LOG_LEVEL ?? "info",
        redact: { paths: ["token", "*.token"], censor: "[redacted]" },
      });
      const agent = new Agent(config, { logger, toolVersion });
      if (flags.once) return runOnce(agent, config.stateDir);
      // Handlers first: start() waits for the first full pass, which can take minutes, and a
      // stop asked for meanwhile must still end cleanly rather than kill the process mid-upload.
      let stopping = false;
      const stop = () => {
        stopping = true;
        logger.info({}, "stopping");
        void agent.stop().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await agent.start().catch((err: unknown) => {
        // A pass cut short by the stop is not an error; the stop handler exits.
        if (!stopping) throw err;
      });
    });
}

async function runOnce(agent: Agent, stateDir: string): Promise<void> {
  const report = await agent.runOnce();
  if (report.left > 0) {
    process.stderr.write(
      `lading agent: ${report.left} snapshot(s) wait in ${stateDir}/queue for the server; the next run sends them\n`,
    );
    process.exitCode = 1;
  }
}
