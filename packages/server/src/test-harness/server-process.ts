/**
 * Runs `lading server` as a real child process on loopback, as an operator would, so tests
 * cover the CLI, start-up, and what survives a kill -9.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const bin = `${root}packages/cli/bin/lading.js`;

/** How to start the server. */
export interface ServerProcessOptions {
  dataDir: string;
  vulnDbDir: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  args?: string[];
}

/** A running server process. */
export interface ServerProcess {
  url: string;
  setupUrl?: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/** Builds the CLI once when its output is missing, so a fresh checkout can run the tests. */
export function ensureBuilt(): void {
  if (!existsSync(`${root}packages/server/dist/index.js`))
    execFileSync("npx", ["tsc", "-b", "packages/cli"], { cwd: root, stdio: "inherit" });
}

/** Starts the server and resolves once it prints its URL. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  ensureBuilt();
  const args = [
    bin,
    "server",
    "--port",
    "0",
    "--data-dir",
    options.dataDir,
    "--db",
    options.vulnDbDir,
    "--offline",
    "--update-interval",
    "0",
  ];
  if (options.databaseUrl) args.push("--database", options.databaseUrl);
  const child = spawn(process.execPath, [...args, ...(options.args ?? [])], {
    env: { ...process.env, LADING_LOG_LEVEL: "warn", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (d) => (text += d));
  child.stderr?.on("data", (d) => (text += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await waitFor(
    () => /lading server: (\S+)/.exec(text)?.[1],
    child,
    () => text,
  );
  const setupUrl = /one-time link\): (\S+)/.exec(text)?.[1];
  return {
    url,
    setupUrl,
    child,
    output: () => text,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

async function waitFor(probe: () => string | undefined, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const found = probe();
    // The setup link is printed right after the URL; give it a moment to arrive.
    if (found) return new Promise<string>((r) => setTimeout(() => r(found), 50));
    if (child.exitCode !== null) throw new Error(`server exited: ${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start: ${output()}`);
}
