import type { PlanTarget } from "./types.js";

/** How one OS package manager installs chosen versions: a command line and what to know first. */
export interface Installer {
  /** purl type of the packages it installs. */
  readonly type: string;
  /** One command upgrading every target to its version (or to the candidate, without one). */
  command(targets: readonly PlanTarget[]): string;
  /** Caveats of that command. */
  readonly notes: readonly string[];
}

/** `apt-get install --only-upgrade name=version`: upgrades only what is installed, to exactly that version. */
const apt = {
  type: "deb",
  command: (targets) =>
    `apt-get install --only-upgrade ${targets.map((t) => pin(t, "=")).join(" ")}`,
  notes: ["run apt-get update first: the fixed version must be in the configured suites"],
} satisfies Installer;

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

/** `dnf upgrade-minimal name-version`: the smallest upgrade that reaches that version. */
const dnf = {
  type: "rpm",
  command: (targets) => `dnf upgrade-minimal ${targets.map((t) => pin(t, "-")).join(" ")}`,
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
