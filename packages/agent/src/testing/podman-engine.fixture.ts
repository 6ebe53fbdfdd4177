/**
 * A `podman system service` for the agent's tests, in a temp dir with its own store (vfs, no
 * cgroups). Unlike the scanner's harness it keeps events (the file backend, so the `podman`
 * commands a test runs reach the service's event stream) and can be restarted on the same
 * store. Containers are only created, never run; no network is ever made.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Service, startService, waitFor } from "../../../../test/harness/processes.js";

/** A running Podman API service and the `podman` commands a test needs on its store. */
export interface PodmanEngine {
  endpoint: string;
  /**
   * Runs `podman` without blocking the event loop: an agent in the same process may be reading
   * an image export that holds the store's lock the command waits for.
   */
  podman(...args: string[]): Promise<string>;
  /** Builds a one-layer image on top of `from` without running anything (COPY and LABEL only). */
  build(
    tag: string,
    from: string,
    files: Record<string, string>,
    labels: Record<string, string>,
  ): string;
  stopService(): Promise<void>;
  startService(): Promise<void>;
  remove(): Promise<void>;
}

export async function startPodmanEngine(): Promise<PodmanEngine> {
  const dir = mkdtempSync(join(tmpdir(), "lading-agent-podman-"));
  mkdirSync(join(dir, "xdg"));
  const global = [
    ...["--root", join(dir, "root"), "--runroot", join(dir, "run"), "--tmpdir", join(dir, "tmp")],
    ...["--storage-driver", "vfs", "--cgroup-manager", "cgroupfs", "--events-backend", "file"],
  ];
  const env = {
    ...process.env,
    XDG_RUNTIME_DIR: join(dir, "xdg"),
    XDG_CONFIG_HOME: join(dir, "config"),
  };
  const socket = join(dir, "podman.sock");
  const run = promisify(execFile);
  const podman = async (...args: string[]) =>
    (await run("podman", [...global, ...args], { env })).stdout.trim();
  let service: Service | undefined;
  const engine: PodmanEngine = {
    endpoint: `unix://${socket}`,
    podman,
    async build(tag, from, files, labels) {
      const context = mkdtempSync(join(dir, "build-"));
      const lines = [
        `FROM ${from}`,
        ...Object.entries(labels).map(([k, v]) => `LABEL ${k}="${v}"`),
      ];
      for (const [i, [target, text]] of Object.entries(files).entries()) {
        writeFileSync(join(context, `f${i}`), text);
        lines.push(`COPY f${i} ${target}`);
      }
      writeFileSync(join(context, "Containerfile"), `${lines.join("\n")}\n`);
      // Chroot isolation and no RUN: nothing executes, so no runtime or network is involved.
      return podman("build", "-q", "--isolation", "chroot", "-t", tag, context);
    },
    async startService() {
      rmSync(socket, { force: true });
      service = startService(
        "podman",
        [...global, "system", "service", "--time=0", `unix://${socket}`],
        env,
      );
      await waitFor(service, () => ping(socket));
    },
    async stopService() {
      await service?.stop();
    },
    async remove() {
      await service?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await engine.startService();
  return engine;
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: "/_ping" }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once("error", () => resolve(false));
    req.end();
  });
}
