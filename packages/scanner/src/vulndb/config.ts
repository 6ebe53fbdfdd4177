import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { VulnDbError } from "./errors.js";

/** A source `lading db update` fetches: a name for status and the URL of its data. */
export interface SourceConfig {
  name: string;
  url: string;
}

/** The `db:` section of `.lading.yaml`. */
export interface DbConfig {
  sources: SourceConfig[];
  /** Data older than this many hours draws a warning from `lading db status` and scans. */
  maxAgeHours: number;
}

const OSV = "https://osv-vulnerabilities.storage.googleapis.com";
const OSV_ECOSYSTEMS = [
  "npm",
  "PyPI",
  "Maven",
  "Go",
  "crates.io",
  "RubyGems",
  "Packagist",
  "NuGet",
  "Ubuntu",
  "AlmaLinux",
  "Rocky Linux",
];
const ALPINE_BRANCHES = ["v3.18", "v3.19", "v3.20", "v3.21", "v3.22"];

/**
 * The sources fetched when no configuration names others: osv.dev's per-ecosystem exports
 * for language registries and the RPM and Ubuntu distros, Alpine's secdb for the supported
 * branches and the Debian tracker. Debian and Alpine come from their own feeds, which speak
 * of source packages and carry the vendor's fix states.
 */
export const defaultSources: readonly SourceConfig[] = [
  ...OSV_ECOSYSTEMS.map((e) => ({
    name: `osv-${e}`,
    url: `${OSV}/${encodeURIComponent(e)}/all.zip`,
  })),
  ...ALPINE_BRANCHES.flatMap((b) =>
    ["main", "community"].map((repo) => ({
      name: `alpine-${b}-${repo}`,
      url: `https://secdb.alpinelinux.org/${b}/${repo}.json`,
    })),
  ),
  { name: "debian-tracker", url: "https://security-tracker.debian.org/tracker/data/json" },
];

/** Seven days: the feeds change daily, and a week-old database misses a week of fixes. */
export const DEFAULT_MAX_AGE_HOURS = 7 * 24;

/**
 * Reads the `db:` section of a config file (`sources: [{name, url}]`, `max-age: 7d | 36h`).
 * A missing file gives the defaults unless it was named explicitly; other sections are left
 * to their owners.
 */
export async function loadDbConfig(path: string, explicit = false): Promise<DbConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if (!explicit && (err as NodeJS.ErrnoException).code === "ENOENT") return defaults();
    throw new VulnDbError(`cannot read config ${path}: ${(err as Error).message}`, { cause: err });
  }
  return parseDbConfig(text, path);
}

function defaults(): DbConfig {
  return { sources: [...defaultSources], maxAgeHours: DEFAULT_MAX_AGE_HOURS };
}

/** Parses config text; a malformed `db:` section is a {@link VulnDbError} naming the file. */
export function parseDbConfig(text: string, path: string): DbConfig {
  let root: unknown;
  try {
    root = parseYaml(text);
  } catch (err) {
    throw new VulnDbError(`config ${path} is not valid YAML: ${(err as Error).message}`);
  }
  const db = (root as { db?: unknown } | null)?.db;
  if (db === undefined || db === null) return defaults();
  if (typeof db !== "object") throw new VulnDbError(`config ${path}: "db" must be a mapping`);
  const section = db as { sources?: unknown; "max-age"?: unknown };
  return {
    sources:
      section.sources === undefined ? [...defaultSources] : parseSources(section.sources, path),
    maxAgeHours:
      section["max-age"] === undefined ? DEFAULT_MAX_AGE_HOURS : parseAge(section["max-age"], path),
  };
}

function parseSources(value: unknown, path: string): SourceConfig[] {
  if (!Array.isArray(value)) throw new VulnDbError(`config ${path}: "db.sources" must be a list`);
  return value.map((s, i) => {
    const { name, url } = (s ?? {}) as { name?: unknown; url?: unknown };
    if (typeof name !== "string" || typeof url !== "string" || !/^https?:\/\//.test(url))
      throw new VulnDbError(`config ${path}: db.sources[${i}] needs a name and an http(s) url`);
    return { name, url };
  });
}

/** `7d`, `36h` or a number of hours. */
export function parseAge(value: unknown, path = "config"): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([dh]?)\s*$/.exec(String(value));
  if (!m) throw new VulnDbError(`${path}: max-age "${value}" is not like 7d or 36h`);
  return Number(m[1]) * (m[2] === "d" ? 24 : 1);
}
