import type { PlanTarget } from "./types.js";

/** How one OS package manager installs chosen versions: a command line and what to know first. */
export interface Installer {
  /** purl type of the packages it installs. */
  readonly type: string;
  /** One command upgrading every target to its version at least (apt: to its newest candidate). */
  command(targets: readonly PlanTarget[]): string;
  /** Caveats of that command. */
  readonly notes: readonly string[];
}

/**
 * `apt-get install -y --only-upgrade name...`: upgrades what is installed, and nothing else, to the
 * newest version the configured suites carry. Never `name=version`: a Debian archive keeps only
 * the newest build of each suite, so the version an advisory names as fixed is gone as soon as a
 * later update replaced it, and apt then refuses the whole command ("Version ... was not found").
 * apt has no "at least" form, so the targets' versions are the minimum to check afterwards.
 * `-y` because the command is meant for a Dockerfile step, where a prompt has no one to answer.
 */
const apt = {
  type: "deb",
  command: (targets) => `apt-get install -y --only-upgrade ${aptNames(targets).join(" ")}`,
  notes: [
    "run apt-get update first, with the suite that carries the fix configured (for most fixes the security suite)",
    "apt installs the newest version those suites carry: at least the target when the fix is there; scan again to check",
  ],
} satisfies Installer;

/** Names as apt reads them: `name:arch` only where one name is installed for several architectures. */
function aptNames(targets: readonly PlanTarget[]): string[] {
  const archs = new Map<string, number>();
  for (const t of targets) archs.set(t.name, (archs.get(t.name) ?? 0) + 1);
  return targets.map((t) =>
    shellWord((archs.get(t.name) ?? 0) > 1 && t.arch ? `${t.name}:${t.arch}` : t.name),
  );
}

/**
 * `apk add name=version`. apk's `=` pins that exact build (the `-rN` revision included) and keeps
 * the pin in /etc/apk/world, unlike `~`, which matches a version prefix. A branch's repository
 * carries only its newest build, so the exact pin fails once a later revision replaced it.
 */
const apk = {
  type: "apk",
  command: (targets) => `apk add ${targets.map((t) => pin(t, "=")).join(" ")}`,
  notes: [
    "= pins this exact build in /etc/apk/world; if the repository has moved on, use 'name>=version'",
  ],
} satisfies Installer;

/**
 * `dnf upgrade-minimal -y name-version`: the smallest upgrade that reaches that version (`-y`, as
 * for apt, for a Dockerfile step).
 */
const dnf = {
  type: "rpm",
  command: (targets) => `dnf upgrade-minimal -y ${targets.map((t) => pin(t, "-")).join(" ")}`,
  notes: [],
} satisfies Installer;

/** Every installer, one per OS package type. */
export const installers: readonly Installer[] = [apt, apk, dnf];

/** The installer of a package type, if it is an OS package manager's. */
export function installerFor(type: string): Installer | undefined {
  return installers.find((i) => i.type === type);
}

function pin(target: PlanTarget, separator: string): string {
  return shellWord(target.version ? `${target.name}${separator}${target.version}` : target.name);
}

/** Quotes a word unless every character of it is safe in a POSIX shell. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9._+:=@%/-][A-Za-z0-9._+:=@%/~-]*$/.test(word)
    ? word
    : `'${word.replace(/'/g, "'\\''")}'`;
}
