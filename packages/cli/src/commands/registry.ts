import type { Command } from "commander";

/** A subcommand whose module is loaded only when it is the one being run (or help is asked for). */
interface LazyCommand {
  name: string;
  load(): Promise<(program: Command) => void>;
}

/**
 * Every `lading` subcommand. Loading them all up front would import the server, the agent and
 * every output format just to print a version; each module is imported only when needed, which
 * keeps the start-up of `lading sbom` to what a scan uses.
 */
export const commands: readonly LazyCommand[] = [
  { name: "sbom", load: async () => (await import("./sbom.js")).registerSbomCommand },
  { name: "scan", load: async () => (await import("./scan.js")).registerScanCommand },
  { name: "layers", load: async () => (await import("./layers.js")).registerLayersCommand },
  { name: "diff", load: async () => (await import("./diff.js")).registerDiffCommand },
  { name: "db", load: async () => (await import("./db.js")).registerDbCommand },
  { name: "server", load: async () => (await import("./server.js")).registerServerCommand },
  { name: "agent", load: async () => (await import("./agent.js")).registerAgentCommand },
  { name: "version", load: async () => (await import("./version.js")).registerVersionCommand },
];

/** Registers the command named in `argv`, or all of them when none is (help, a typo). */
export async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  const args = argv.slice(2);
  const named = args.find((arg) => !arg.startsWith("-"));
  // `lading --version` needs no command at all.
  if (named === undefined && (args.includes("-V") || args.includes("--version"))) return;
  const wanted = commands.filter((c) => c.name === named);
  for (const command of wanted.length > 0 ? wanted : commands) (await command.load())(program);
}
