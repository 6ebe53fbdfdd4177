/** One locked module of a `gradle.lockfile`. */
export interface GradleLock {
  groupId: string;
  artifactId: string;
  version: string;
  configurations: string[];
}

/**
 * Parses `group:artifact:version=conf1,conf2` lines, as Gradle's dependency locking writes
 * them (https://docs.gradle.org/8.10/userguide/dependency_locking.html). Comments, the
 * `empty=` line and lines that are not three coordinates are skipped.
 */
export function parseGradleLockfile(text: string): GradleLock[] {
  const locks: GradleLock[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [coordinates = "", confs = ""] = line.split("=", 2);
    const parts = coordinates.split(":");
    if (parts.length !== 3 || parts.some((p) => p === "" || /\s/.test(p))) continue;
    const [groupId, artifactId, version] = parts as [string, string, string];
    const configurations = confs.split(",").filter((c) => c !== "");
    locks.push({ groupId, artifactId, version, configurations });
  }
  return locks;
}
