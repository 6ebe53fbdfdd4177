/**
 * `lading scan --plan` proven on the real Debian test image: advisories in the Debian tracker's
 * shape make some of the image's installed packages vulnerable, with fixed versions the security
 * suite really carries; the plan's apt-get commands, exactly as rendered, run in a chroot of the
 * image's rootfs; a scan of that rootfs (dir:) must then find none of the findings the plan
 * promised to fix, and still find the ones it said have no fix.
 *
 * The advisories are written at run time from what the mirror offers (`apt-get -s upgrade` in
 * the chroot), so the test follows the security suite as it moves. The sources were chosen for
 * what they exercise: jq (two binaries, two advisories), brotli (a binNMU binary, 1.0.9-2+b6,
 * whose source version differs), zlib (an epoch), apt (upgrading apt with apt), openssl (an
 * advisory fixed in a version older than the mirror's: the archive no longer has it).
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkTestImages,
  type ExpectedPackage,
  loadTestImages,
} from "../../../../test/support/test-images.js";

const bin = fileURLToPath(new URL("../../bin/lading.js", import.meta.url));
const CHOSEN = ["apt", "brotli", "jq", "openssl", "zlib"];
/** The source whose advisory names a fix older than the mirror's build. */
const OLDER_FIX = "openssl";
const UNFIXED = [
  { source: "coreutils", id: "CVE-2099-1006", status: "open", state: "not-fixed" },
  { source: "tar", id: "CVE-2099-1007", status: "open", state: "wont-fix", ignored: true },
];

/** One source package the advisories make vulnerable, and the fix the mirror has. */
interface Vulnerable {
  source: string;
  installed: string;
  fixed: string;
  binaries: ExpectedPackage[];
  ids: string[];
}

interface Finding {
  id: string;
  package: { name: string; version: string };
}

// A writable copy of the image's rootfs, entered the way scripts/build-test-images enters its
// own (proc, the host's /dev, no service starts, the host's resolver), so apt-get runs as in a RUN.
/** The Debian mirrors the chroot uses: the image's own suite plus the security suite. */
const securityMirror =
  process.env.LADING_DEBIAN_SECURITY_MIRROR ?? "http://deb.debian.org/debian-security";

const CHROOT_ENV = {
  DEBIAN_FRONTEND: "noninteractive",
  LC_ALL: "C",
  PATH: "/usr/sbin:/usr/bin:/sbin:/bin",
};

/** Why a chroot cannot be made here (not root, a tool missing), or undefined when it can. */
function whyNoChroot(): string | undefined {
  if (process.getuid?.() !== 0) return "needs root for chroot and mount";
  const missing = ["umoci", "chroot", "mount"].filter((t) => spawnSync("which", [t]).status !== 0);
  return missing.length > 0 ? `missing ${missing.join(", ")}` : undefined;
}

/** Whether the security suite answers within ten seconds; if not, why. */
async function whyNoMirror(): Promise<string | undefined> {
  const url = `${securityMirror}/dists/bookworm-security/InRelease`;
  try {
    const answer = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(10_000) });
    return answer.ok ? undefined : `${url} answered ${answer.status}`;
  } catch (err) {
    return `cannot reach ${url}: ${(err as Error).message}`;
  }
}

/** A root filesystem unpacked into a temporary directory, to enter, run in, and remove. */
class Rootfs {
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

const required = Boolean(process.env.LADING_REQUIRE_TEST_IMAGES);
const why = await whyNotHere();
if (why && !required) console.warn(`skipping lading scan --plan in a chroot: ${why}`);

async function whyNotHere(): Promise<string | undefined> {
  const images = checkTestImages();
  if (!images.ok) return images.reason;
  return whyNoChroot() ?? (await whyNoMirror());
}

function lading(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0)
    throw new Error(`lading ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** `Inst name [old] (new suite [arch])` lines of a simulated upgrade: name → new version. */
function upgradable(rootfs: Rootfs): Map<string, string> {
  const run = rootfs.sh("apt-get -s upgrade");
  if (run.status !== 0) throw new Error(`apt-get -s upgrade: ${run.stderr}`);
  const found = new Map<string, string>();
  for (const m of run.stdout.matchAll(/^Inst (\S+) \[[^\]]+\] \((\S+) /gm))
    found.set(m[1] as string, m[2] as string);
  return found;
}

/** The source version of a binary build, from its `Source: name (version)` field. */
function sourceVersionOf(rootfs: Rootfs, name: string, version: string): string {
  const run = rootfs.sh(`apt-cache show '${name}=${version}'`);
  const source = /^Source: \S+ \((\S+)\)$/m.exec(run.stdout);
  return source?.[1] ?? version;
}

function versionLess(a: string, b: string): boolean {
  return spawnSync("dpkg", ["--compare-versions", a, "lt", b]).status === 0;
}

/** The chosen sources all of whose binaries the mirror can upgrade, and their fixes. */
function findVulnerable(rootfs: Rootfs, installed: ExpectedPackage[]): Vulnerable[] {
  const candidates = upgradable(rootfs);
  const out: Vulnerable[] = [];
  for (const source of CHOSEN) {
    const binaries = installed.filter((p) => p.sourceName === source);
    const first = binaries[0];
    if (!first || !binaries.every((b) => candidates.has(b.name))) continue;
    const fixed = sourceVersionOf(rootfs, first.name, candidates.get(first.name) as string);
    const older = `${first.sourceVersion}+lading1`;
    const ids =
      source === "jq" ? ["CVE-2099-1002", "CVE-2099-1003"] : [`CVE-2099-1${out.length}01`];
    const useOlder = source === OLDER_FIX && versionLess(older, fixed);
    out.push({
      source,
      installed: first.sourceVersion,
      fixed: useOlder ? older : fixed,
      binaries,
      ids,
    });
  }
  return out;
}

/** The Debian tracker's JSON export for bookworm, holding only our advisories. */
function trackerJson(vulnerable: Vulnerable[], installed: ExpectedPackage[]): string {
  const tracker: Record<string, Record<string, unknown>> = {};
  const add = (source: string, id: string, release: Record<string, unknown>) => {
    const version = installed.find((p) => p.sourceName === source)?.sourceVersion;
    const bookworm = { repositories: { bookworm: version }, ...release };
    tracker[source] = {
      ...tracker[source],
      [id]: { description: `test ${id}`, releases: { bookworm } },
    };
  };
  for (const v of vulnerable)
    for (const [i, id] of v.ids.entries())
      add(v.source, id, {
        status: "resolved",
        fixed_version: v.fixed,
        urgency: i ? "low" : "high",
      });
  for (const u of UNFIXED)
    add(u.source, u.id, {
      status: u.status,
      urgency: "low",
      ...(u.ignored ? { nodsa_reason: "ignored" } : {}),
    });
  return JSON.stringify(tracker, null, 2);
}

describe.skipIf(why !== undefined && !required)("lading scan --plan, applied in a chroot", () => {
  let rootfs: Rootfs | undefined;
  let vulnerable: Vulnerable[] = [];
  let plan: {
    upgrades: {
      name: string;
      targetVersion: string;
      command: string;
      packages: { name: string; version?: string }[];
    }[];
    unfixed: { id: string; state: string }[];
  };
  let before: Finding[] = [];
  let after: Finding[] = [];
  const applied: { command: string; status: number | null; stderr: string }[] = [];

  beforeAll(async () => {
    const images = loadTestImages();
    const installed = images.layerPackages.at(-1) ?? [];
    const { ociDir } = images.manifest.outputs;
    rootfs = Rootfs.unpack(join(images.dir, ociDir.path), ociDir.tag);
    const work = rootfs.dir;
    rootfs.enter();
    const update = rootfs.sh("apt-get update -qq");
    if (update.status !== 0) throw new Error(`apt-get update in the chroot: ${update.stderr}`);
    vulnerable = findVulnerable(rootfs, installed);
    writeFileSync(join(work, "tracker.json"), trackerJson(vulnerable, installed));
    const db = join(work, "db");
    lading(work, "db", "--db", db, "import", join(work, "tracker.json"));

    const image = `oci-dir:${join(images.dir, ociDir.path)}`;
    const scanned = lading(
      work,
      "scan",
      "--db",
      db,
      "--no-cache",
      image,
      "-o",
      "json",
      "--plan",
      "json=plan.json",
    );
    before = JSON.parse(scanned).findings;
    plan = JSON.parse(readFileSync(join(work, "plan.json"), "utf8"));
    for (const { command } of plan.upgrades) {
      const run = rootfs.sh(command);
      applied.push({ command, status: run.status, stderr: run.stderr });
    }
    rootfs.leave();
    after = JSON.parse(
      lading(work, "scan", "--db", db, "--no-cache", `dir:${rootfs.path}`, "-o", "json"),
    ).findings;
  }, 600_000);

  afterAll(() => rootfs?.remove());

  it("finds at least three of the chosen sources with a newer build in the security suite", () => {
    expect(vulnerable.map((v) => v.source).length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBe(
      vulnerable.reduce((n, v) => n + v.binaries.length * v.ids.length, 0) + UNFIXED.length,
    );
  });

  it("plans one apt-get per source, naming the image's binary packages, not the source", () => {
    const bySource = Object.fromEntries(plan.upgrades.map((u) => [u.name, u]));
    expect(Object.keys(bySource).sort()).toEqual(vulnerable.map((v) => v.source).sort());
    for (const v of vulnerable) {
      const names = v.binaries.map((b) => b.name).sort();
      const upgrade = bySource[v.source];
      expect(upgrade?.targetVersion, v.source).toBe(v.fixed);
      expect(upgrade?.command).toBe(`apt-get install -y --only-upgrade ${names.join(" ")}`);
      expect(upgrade?.packages.map((p) => [p.name, p.version])).toEqual(
        names.map((n) => [n, v.fixed]),
      );
    }
  });

  it("lists the advisories with no fix apart, with their state", () => {
    expect(plan.unfixed.map((u) => [u.id, u.state])).toEqual(UNFIXED.map((u) => [u.id, u.state]));
  });

  it("runs every command of the plan, as rendered, without a prompt or an error", () => {
    expect(applied.length).toBe(vulnerable.length);
    for (const a of applied) expect(a.status, `${a.command}\n${a.stderr}`).toBe(0);
  });

  it("leaves every binary at or above its target version", () => {
    const status = readFileSync(join(rootfs?.path ?? "", "var/lib/dpkg/status"), "utf8");
    for (const v of vulnerable)
      for (const b of v.binaries) {
        const version = new RegExp(
          `^Package: ${b.name}\\n(?:[^\\n]+\\n)*?Version: (\\S+)`,
          "m",
        ).exec(status)?.[1];
        expect(version && !versionLess(version, v.fixed), `${b.name} ${version}`).toBe(true);
      }
  });

  it("rescans the rootfs: every promised finding gone, the unfixed ones still there", () => {
    const key = (f: Finding) => `${f.id} ${f.package.name}`;
    const promised = before.filter((f) => !UNFIXED.some((u) => u.id === f.id)).map(key);
    expect(promised.length).toBeGreaterThan(0);
    expect(after.map(key).filter((k) => promised.includes(k))).toEqual([]);
    expect(after.map((f) => f.id).sort()).toEqual(UNFIXED.map((u) => u.id).sort());
    expect(existsSync(join(rootfs?.path ?? "", "proc/self"))).toBe(false);
  });
});
