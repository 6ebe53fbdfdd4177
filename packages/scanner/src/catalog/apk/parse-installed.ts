/**
 * Reads apk's installed database (`/lib/apk/db/installed`), one record per package separated by
 * blank lines, each line `<letter>:<value>`
 * (https://wiki.alpinelinux.org/wiki/Apk_spec#Installed_Database_V2).
 */

/** One installed package as apk records it. */
export interface ApkRecord {
  name: string;
  version: string;
  arch?: string;
  license?: string;
  origin?: string;
  maintainer?: string;
  description?: string;
  /** Installed size in bytes (`I:`). */
  installedSize?: number;
  /** Dependency names without version constraints (`so:`/`cmd:` names kept as written). */
  depends: string[];
  provides: string[];
  /** Files the package owns: every `R:` under the `F:` directory before it. */
  files: string[];
  /** Upstream commit the package was built from (`c:`). */
  commit?: string;
}

/** A record read: a package, or the reason it could not be. */
export type ReadApkRecord = { record: ApkRecord } | { broken: string };

/** Splits the database into records and reads each. */
export function parseInstalled(text: string): ReadApkRecord[] {
  const results: ReadApkRecord[] = [];
  let lines: string[] = [];
  let start = 1;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== "") {
      if (lines.length === 0) start = i + 1;
      lines.push(line);
      return;
    }
    if (lines.length > 0) results.push(readRecord(lines, start));
    lines = [];
  });
  if (lines.length > 0) results.push(readRecord(lines, start));
  return results;
}

function readRecord(lines: string[], line: number): ReadApkRecord {
  const fields = new Map<string, string>();
  const files: string[] = [];
  let dir = "";
  for (const entry of lines) {
    const [key, value] = [entry[0] ?? "", entry.slice(2)];
    if (entry[1] !== ":") continue;
    if (key === "F") dir = value;
    else if (key === "R") files.push(dir ? `/${dir}/${value}` : `/${value}`);
    else if (!fields.has(key)) fields.set(key, value);
  }
  const name = fields.get("P");
  const version = fields.get("V");
  if (!name) return { broken: `record at line ${line} has no package name (P:)` };
  if (!version) return { broken: `record at line ${line} (${name}) has no version (V:)` };
  return { record: toRecord(fields, name, version, files) };
}

function toRecord(f: Map<string, string>, name: string, version: string, files: string[]) {
  const size = Number.parseInt(f.get("I") ?? "", 10);
  const record: ApkRecord = {
    name,
    version,
    arch: f.get("A") || undefined,
    license: f.get("L") || undefined,
    origin: f.get("o") || undefined,
    maintainer: f.get("m") || undefined,
    description: f.get("T") || undefined,
    installedSize: Number.isNaN(size) ? undefined : size,
    depends: dependencyNames(f.get("D")),
    provides: dependencyNames(f.get("p")),
    files,
    commit: f.get("c") || undefined,
  };
  return record;
}

/** `so:libc.musl-x86_64.so.1 scanelf>=1.2 !conflict` → names; conflicts are not dependencies. */
function dependencyNames(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/\s+/)
    .filter((dep) => dep !== "" && !dep.startsWith("!"))
    .map((dep) => dep.split(/[<>=~]/)[0] as string)
    .filter((name) => name !== "");
}
