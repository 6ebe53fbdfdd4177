/**
 * `podman system service` on a unix socket in a temp dir, with its own image store (vfs
 * storage, no cgroups, no events), so tests neither see nor touch the host's images. Nothing
 * is run in a container: images are only loaded and exported.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startService, waitFor } from "./processes.js";

/** A running Podman API service; `endpoint` is `unix:///.../podman.sock`. */
export interface RunningPodman {
  endpoint: string;
  /** `podman load -i archive` into this service's store. */
  load(archive: string): void;
  /** Runs `podman ARGS` against this service's store; returns its stdout. */
  run(args: string[]): string;
  stop(): Promise<void>;
}

export async function startPodman(): Promise<RunningPodman> {
  const dir = mkdtempSync(join(tmpdir(), "lading-podman-"));
  const global = [
    ...["--root", join(dir, "root"), "--runroot", join(dir, "run")],
    ...["--storage-driver", "vfs", "--cgroup-manager", "cgroupfs", "--events-backend", "none"],
  ];
  const socket = join(dir, "podman.sock");
  const env = {
    ...process.env,
    XDG_RUNTIME_DIR: join(dir, "xdg"),
    XDG_CONFIG_HOME: join(dir, "config"),
  };
  const service = startService(
    "podman",
    [...global, "system", "service", "--time=0", `unix://${socket}`],
    env,
  );
  await waitFor(service, () => ping(socket));
  return {
    endpoint: `unix://${socket}`,
    load: (archive) => {
      execFileSync("podman", [...global, "load", "-q", "-i", archive], { stdio: "pipe", env });
    },
    run: (args) =>
      execFileSync("podman", [...global, ...args], { stdio: "pipe", env, encoding: "utf8" }),
    async stop() {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
