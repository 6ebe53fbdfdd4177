/** A module as build info lists it. */
export interface Module {
  path: string;
  version: string;
  sum?: string;
  /** The module that replaced this one at build time (`=>` line). */
  replace?: Module;
}

/** Build info decoded: toolchain, main package and module, dependencies and build settings. */
export interface BuildInfo {
  goVersion: string;
  path?: string;
  main?: Module;
  deps: Module[];
  settings: Record<string, string>;
}

/**
 * Parses the module info text (`runtime/debug.BuildInfo.String()`): tab-separated `path`,
 * `mod`, `dep`, `=>` and `build` lines. A line of another kind ends parsing with an error,
 * as Go's own `ParseBuildInfo` does.
 */
export function parseModInfo(goVersion: string, text: string): BuildInfo {
  const info: BuildInfo = { goVersion, deps: [], settings: {} };
  let last: Module | undefined;
  for (const line of text.split("\n")) {
    if (line !== "") last = addLine(info, line, last);
  }
  return info;
}

/** Adds one line to `info`; returns the module a following `=>` line would replace. */
function addLine(info: BuildInfo, line: string, last: Module | undefined): Module | undefined {
  const [kind, ...fields] = line.split("\t");
  if (kind === "path") info.path = fields[0];
  else if (kind === "mod") info.main = module(fields);
  else if (kind === "dep") info.deps.push(module(fields));
  else if (kind === "=>" && last !== undefined) last.replace = module(fields);
  else if (kind === "build") addSetting(info, fields.join("\t"));
  else throw new Error(`unexpected build info line: ${line.slice(0, 80)}`);
  if (kind === "mod") return info.main;
  return kind === "dep" ? info.deps[info.deps.length - 1] : undefined;
}

function module(fields: string[]): Module {
  const [path = "", version = "", sum] = fields;
  if (path === "") throw new Error("module line without a path");
  return { path, version, ...(sum ? { sum } : {}) };
}

function addSetting(info: BuildInfo, setting: string): void {
  const eq = setting.indexOf("=");
  if (eq > 0) info.settings[setting.slice(0, eq)] = setting.slice(eq + 1);
}
