/**
 * A writable copy of the Debian test image's root filesystem, entered the way
 * scripts/build-test-images enters its own (proc, the host's /dev, no service starts, the host's
 * resolver), so that apt-get can run in it as a Dockerfile `RUN` would. Test support only.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The Debian mirrors the chroot uses: the image's own suite plus the security suite. */
export const securityMirror =
  process.env.LADING_DEBIAN_SECURITY_MIRROR ?? "http://deb.debian.org/debian-security";

const CHROOT_ENV = {
  DEBIAN_FRONTEND: "noninteractive",
  LC_ALL: "C",
  PATH: "/usr/sbin:/usr/bin:/sbin:/bin",
};

/** Why a chroot cannot be made here (not root, a tool missing), or undefined when it can. */
export function whyNoChroot(): string | undefined {
  if (process.getuid?.() !== 0) return "needs root for chroot and mount";
  const missing = ["umoci", "chroot", "mount"].filter((t) => spawnSync("which", [t]).status !== 0);
  return missing.length > 0 ? `missing ${missing.join(", ")}` : undefined;
}

/** Whether the security suite answers within ten seconds; if not, why. */
export async function whyNoMirror(): Promise<string | undefined> {
  const url = `${securityMirror}/dists/bookworm-security/InRelease`;
  try {
    const answer = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(10_000) });
    return answer.ok ? undefined : `${url} answered ${answer.status}`;
  } catch (err) {
    return `cannot reach ${url}: ${(err as Error).message}`;
  }
}

/** A root filesystem unpacked into a temporary directory, to enter, run in, and remove. */
export class Rootfs {
  readonly dir: string;
  readonly path: string;
  private entered = false;

  private constructor(dir: string) {
    this.dir = dir;
    this.path = join(dir, "bundle", "rootfs");
  }

  /** Unpacks the image `tag` of an OCI layout (read only: umoci writes the bundle alone). */
  static unpack(layout: string, tag: string): Rootfs {
    const rootfs = new Rootfs(mkdtempSync(join(tmpdir(), "lading-plan-chroot-")));
    const bundle = join(rootfs.dir, "bundle");
    mustRun("umoci", ["unpack", "--image", `${layout}:${tag}`, bundle]);
    return rootfs;
  }

  /** Mounts proc and /dev, stops services from starting, and adds the security suite. */
  enter(): void {
    this.entered = true;
    mustRun("mount", ["-t", "proc", "proc", join(this.path, "proc")]);
    mustRun("mount", ["--bind", "/dev", join(this.path, "dev")]);
    const policy = join(this.path, "usr/sbin/policy-rc.d");
    writeFileSync(policy, "#!/bin/sh\nexit 101\n");
    chmodSync(policy, 0o755);
    copyFileSync("/etc/resolv.conf", join(this.path, "etc/resolv.conf"));
    // debootstrap configures the release suite alone; Debian's own images add the security one.
    const security = `deb ${securityMirror} bookworm-security main\n`;
    writeFileSync(join(this.path, "etc/apt/sources.list.d/security.list"), security);
  }

  /** Runs a shell command line inside the rootfs, stdin closed, as a Dockerfile RUN would. */
  sh(command: string): SpawnSyncReturns<string> {
    return spawnSync("chroot", [this.path, "sh", "-c", command], {
      env: CHROOT_ENV,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 << 20,
    });
  }

  /** Undoes `enter` but the sources, so that the scan sees only what apt left. */
  leave(): void {
    if (!this.entered) return;
    for (const mount of ["dev", "proc"]) {
      const at = join(this.path, mount);
      if (isMounted(at)) mustRun("umount", [at]);
    }
    rmSync(join(this.path, "usr/sbin/policy-rc.d"), { force: true });
    rmSync(join(this.path, "etc/resolv.conf"), { force: true });
    this.entered = false;
  }

  /** Leaves and deletes the copy; never deletes through a mount still in place. */
  remove(): void {
    this.leave();
    if (isMounted(this.dir, true)) throw new Error(`left ${this.dir} in place: still mounted`);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function isMounted(path: string, below = false): boolean {
  const points = readFileSync("/proc/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1]);
  return points.some((p) => p === path || (below && p?.startsWith(`${path}/`)));
}

function mustRun(command: string, args: string[]): void {
  const run = spawnSync(command, args, { encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  }
}
