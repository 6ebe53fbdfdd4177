import { type Paragraph, parseSource, relationNames } from "./parse-control.js";

/** What one installed package's paragraph says, in Lading's terms. */
export interface DpkgRecord {
  name: string;
  version: string;
  arch?: string;
  source?: { name: string; version?: string };
  maintainer?: string;
  /** The synopsis: the first line of `Description`. */
  description?: string;
  /** `Installed-Size`, in KiB as dpkg records it. */
  installedSizeKiB?: number;
  depends: string[];
  provides: string[];
  /** Configuration files the package owns, from `Conffiles`. */
  conffiles: string[];
  /** 1-based line of the paragraph in its file. */
  line: number;
}

/** A paragraph read: a package, one not installed, or a record too broken to use. */
export type ReadRecord =
  | { kind: "package"; record: DpkgRecord }
  | { kind: "not-installed" }
  | { kind: "broken"; reason: string };

/**
 * Reads one paragraph. Installed means the third word of `Status:` is `installed` (the
 * package's files are on disk, whatever was wanted of it: `deinstall reinstreq installed` is
 * still there); `config-files`, `unpacked` and `half-installed` are not. Distroless
 * `status.d` files omit `Status:` altogether, so `statusRequired` is false for them.
 */
export function readRecord(paragraph: Paragraph, statusRequired: boolean): ReadRecord {
  const f = paragraph.fields;
  const status = f.get("Status");
  if (status === undefined ? statusRequired : status.split(/\s+/)[2] !== "installed") {
    return { kind: "not-installed" };
  }
  const name = f.get("Package");
  const version = f.get("Version");
  const at = `record at line ${paragraph.line}`;
  if (!name) return { kind: "broken", reason: `${at} has no Package field` };
  if (!version) return { kind: "broken", reason: `${at} (${name}) has no Version field` };
  return { kind: "package", record: toRecord(f, name, version, paragraph.line) };
}

function toRecord(f: Map<string, string>, name: string, version: string, line: number) {
  const source = parseSource(f.get("Source"));
  const size = Number.parseInt(f.get("Installed-Size") ?? "", 10);
  const record: DpkgRecord = {
    name,
    version,
    arch: f.get("Architecture") || undefined,
    source: source.name ? source : undefined,
    maintainer: f.get("Maintainer") || undefined,
    description: f.get("Description")?.split("\n")[0] || undefined,
    installedSizeKiB: Number.isNaN(size) ? undefined : size,
    depends: relationNames([f.get("Pre-Depends"), f.get("Depends")].filter(Boolean).join(",")),
    provides: relationNames(f.get("Provides")),
    conffiles: conffilePaths(f.get("Conffiles")),
    line,
  };
  return record;
}

/** `Conffiles:` lines are `<path> <md5> [obsolete]`. */
function conffilePaths(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[0] ?? "")
    .filter((path) => path.startsWith("/"));
}

/** The key under which a record is followed across versions of its database. */
export function recordKey(record: Pick<DpkgRecord, "name" | "arch" | "version">): string {
  return `${record.name}:${record.arch ?? ""}@${record.version}`;
}
