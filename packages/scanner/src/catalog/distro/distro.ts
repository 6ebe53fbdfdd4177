import type { FileTree } from "../../filetree/file-tree.js";
import type { Distro } from "../../types.js";
import {
  distroFromDebianVersion,
  parseAlpineRelease,
  parseBusybox,
  parseDebianVersion,
  parseLsbRelease,
  parseRedhatRelease,
  parseSystemReleaseCpe,
} from "./parse-fallbacks.js";
import { distroFromFields, parseOsRelease } from "./parse-os-release.js";

/** One release file and how to read it, in the order they are tried. */
interface ReleaseSource {
  path: string;
  read(content: Buffer): Distro | undefined;
}

const text = (content: Buffer) => content.toString("utf8");

/**
 * os-release first (the standard), then the older per-family files. The vendor files come
 * before redhat-release because Oracle Linux and CentOS ship a redhat-release naming RHEL.
 */
const SOURCES: readonly ReleaseSource[] = [
  { path: "/etc/os-release", read: (c) => distroFromFields(parseOsRelease(text(c))) },
  { path: "/usr/lib/os-release", read: (c) => distroFromFields(parseOsRelease(text(c))) },
  { path: "/etc/lsb-release", read: (c) => parseLsbRelease(text(c)) },
  { path: "/etc/alpine-release", read: (c) => parseAlpineRelease(text(c)) },
  { path: "/etc/debian_version", read: (c) => distroFromDebianVersion(text(c)) },
  { path: "/etc/system-release-cpe", read: (c) => parseSystemReleaseCpe(text(c)) },
  { path: "/etc/oracle-release", read: (c) => parseRedhatRelease(text(c)) },
  { path: "/etc/centos-release", read: (c) => parseRedhatRelease(text(c)) },
  { path: "/etc/redhat-release", read: (c) => parseRedhatRelease(text(c)) },
  { path: "/etc/system-release", read: (c) => parseRedhatRelease(text(c)) },
  { path: "/bin/busybox", read: parseBusybox },
];

const PATHS = new Set(SOURCES.map((s) => s.path));

/**
 * Reads the distro of the squashed tree from os-release or, failing that, the first fallback
 * release file that parses. A Debian os-release without a version (distroless) takes it from
 * `/etc/debian_version`.
 */
export const distroDetector = {
  name: "distro",
  /** Release files are tiny; the cap is set by `/bin/busybox`, whose banner names its version. */
  maxFileSize: 4 * 1024 * 1024,
  wants: (path: string) => PATHS.has(path),
  detect(tree: FileTree): Distro | undefined {
    for (const source of SOURCES) {
      const content = readQuietly(tree, source.path);
      const distro = content === undefined ? undefined : source.read(content);
      if (distro !== undefined) return withDebianVersion(distro, tree);
    }
    return undefined;
  },
};

/** Distroless Debian's os-release has no VERSION_ID; `/etc/debian_version` still does. */
function withDebianVersion(distro: Distro, tree: FileTree): Distro {
  if (distro.id !== "debian" || distro.versionId !== undefined) return distro;
  const content = readQuietly(tree, "/etc/debian_version");
  const version = content === undefined ? undefined : parseDebianVersion(text(content));
  return version === undefined ? distro : { ...distro, versionId: version, version };
}

/** A release file behind a symlink loop is as good as absent: detection must not throw. */
function readQuietly(tree: FileTree, path: string): Buffer | undefined {
  try {
    return tree.read(path);
  } catch {
    return undefined;
  }
}
