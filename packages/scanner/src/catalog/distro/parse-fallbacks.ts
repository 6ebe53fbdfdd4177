import type { Distro } from "../../types.js";
import { compact, parseOsRelease } from "./parse-os-release.js";

/**
 * Readers for the release files that predate os-release. Each returns undefined for content
 * it does not recognise, so the detector can move on to the next file.
 */

/** Names in `*-release` first words that are not the lower-cased word itself. */
const RELEASE_IDS: Record<string, string> = {
  "red hat enterprise linux": "rhel",
  "red hat enterprise linux server": "rhel",
  "oracle linux server": "ol",
  "oracle linux": "ol",
  "rocky linux": "rocky",
  "scientific linux": "scientific",
  "amazon linux": "amzn",
  "centos linux": "centos",
  "centos stream": "centos",
};

/**
 * `/etc/redhat-release` and its kin: `AlmaLinux release 8.10 (Cerulean Leopard)`. CentOS
 * writes `(Final)` where others write a codename; it is not part of the version.
 */
export function parseRedhatRelease(text: string): Distro | undefined {
  const match = /^(.+?)\s+release\s+(\d[\w.]*)\s*(?:\((.+)\))?/.exec(text.trim());
  if (!match) return undefined;
  const [, name = "", versionId = "", codename] = match;
  const id = RELEASE_IDS[name.toLowerCase()] ?? (name.split(/\s+/)[0] ?? "").toLowerCase();
  const hasCodename = codename !== undefined && codename !== "Final";
  return compact({
    id,
    versionId,
    version: hasCodename ? `${versionId} (${codename})` : versionId,
    name,
    prettyName: text.trim().split(/\r?\n/)[0],
    idLike: [...new Set([id, "rhel"])],
  });
}

/** `/etc/system-release-cpe`: `cpe:/o:centos:linux:6:GA` (vendor, product, version). */
export function parseSystemReleaseCpe(text: string): Distro | undefined {
  const parts = text.trim().split(":");
  if (parts[0] !== "cpe" || parts[1] !== "/o" || !parts[2] || !parts[4]) return undefined;
  const id = parts[2].toLowerCase();
  return { id, versionId: parts[4], version: parts[4], name: id, prettyName: id, idLike: [id] };
}

/** `/etc/lsb-release` (Ubuntu before os-release): `DISTRIB_ID=Ubuntu`, ... */
export function parseLsbRelease(text: string): Distro | undefined {
  const fields = parseOsRelease(text);
  const name = fields.DISTRIB_ID;
  if (!name) return undefined;
  return compact({
    id: name.toLowerCase(),
    versionId: fields.DISTRIB_RELEASE,
    versionCodename: fields.DISTRIB_CODENAME,
    name,
    prettyName: fields.DISTRIB_DESCRIPTION,
  });
}

/** A numeric `/etc/debian_version` (`12.5`); testing and sid write `trixie/sid` instead. */
export function parseDebianVersion(text: string): string | undefined {
  const version = text.trim();
  return /^\d+(\.\d+)*$/.test(version) ? version : undefined;
}

/** `/etc/debian_version` alone, as in images without os-release. */
export function distroFromDebianVersion(text: string): Distro | undefined {
  const version = parseDebianVersion(text);
  if (version === undefined) return undefined;
  return { id: "debian", versionId: version.split(".")[0], version, name: "Debian GNU/Linux" };
}

/** `/etc/alpine-release`: `3.10.2`. */
export function parseAlpineRelease(text: string): Distro | undefined {
  const version = text.trim();
  if (!/^\d+\.\d+/.test(version)) return undefined;
  return { id: "alpine", versionId: version, name: "Alpine Linux" };
}

/** `/bin/busybox` on images that hold nothing else: the banner `BusyBox v1.31.1`. */
export function parseBusybox(content: Buffer): Distro | undefined {
  const match = /BusyBox v(\d+(?:\.\d+)+)/.exec(content.toString("latin1"));
  if (!match) return undefined;
  const version = match[1] as string;
  return {
    id: "busybox",
    versionId: version,
    version,
    name: "busybox",
    prettyName: `BusyBox v${version}`,
    idLike: ["busybox"],
  };
}
