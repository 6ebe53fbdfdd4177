/** Child services of a test: started on loopback, waited for, and stopped by their own id. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A port free on 127.0.0.1 right now (the OS picks it; the caller binds it soon after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A started program whose output is kept for the error when it does not come up. */
export interface Service {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `command`; `stop()` ends that one process (SIGTERM, then SIGKILL) and waits for it. */
export function startService(command: string, args: string[], env?: NodeJS.ProcessEnv): Service {
  const child = spawn(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: env ?? process.env,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Polls `ready` until it is true, failing with the service's output after `timeoutMs`. */
export async function waitFor(service: Service, ready: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) break;
    if (await ready().catch(() => false)) return;
    await sleep(100);
  }
  await service.stop();
  throw new Error(`service did not come up:\n${service.output()}`);
}
