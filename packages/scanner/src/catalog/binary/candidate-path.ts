import { baseName, splitPath } from "../../filetree/paths.js";

/** Directories whose direct children are often an application's own executables. */
const APP_DIRS = new Set(["app", "ko-app", "opt", "srv", "usr/local", "workspace"]);

/** Extensions an executable may carry; anything else (`.sh`, `.py`, `.conf`...) is not one. */
const EXECUTABLE_EXTENSIONS = new Set(["exe", "bin", "out", "elf"]);

/**
 * Whether a path may hold a compiled executable worth reading for embedded build metadata
 * (Go build info, cargo-auditable data). The capture walk decides on the path alone, so this
 * guesses from where executables live: any `bin`/`sbin` directory at any depth, the root, the
 * direct children of common application directories (`/app`, `/opt/<name>/`, `/ko-app`) and
 * any `.exe`; names with a non-executable extension are left out.
 *
 * TODO: an executable elsewhere (`/usr/lib/<app>/<tool>`, `/home/<user>/tool`) is not read, so
 * its Go or Rust modules go unreported; a policy that also saw the entry's exec bit
 * (`LayerEntry.mode`) could widen this without capturing every data file.
 */
export function isExecutableCandidate(path: string): boolean {
  // The Go and Rust readers both ask, one after the other, for every path of every layer.
  if (path === last.path) return last.result;
  const result = judgeCandidate(path);
  last.path = path;
  last.result = result;
  return result;
}

const last = { path: "", result: false };

function judgeCandidate(path: string): boolean {
  const name = baseName(path);
  if (!hasExecutableName(name)) return false;
  if (name.toLowerCase().endsWith(".exe")) return true;
  const dirs = splitPath(path).slice(0, -1);
  if (dirs.length === 0) return true;
  if (dirs.some((d) => d === "bin" || d === "sbin")) return true;
  const parent = dirs.join("/");
  return APP_DIRS.has(parent) || (dirs.length === 2 && APP_DIRS.has(dirs[0] as string));
}

function hasExecutableName(name: string): boolean {
  if (name === "" || name.startsWith(".")) return false;
  const dot = name.lastIndexOf(".");
  if (dot < 0) return true;
  const ext = name.slice(dot + 1).toLowerCase();
  return /^\d+$/.test(ext) || EXECUTABLE_EXTENSIONS.has(ext);
}

/** Largest executable read for embedded metadata. */
export const MAX_EXECUTABLE_SIZE = 256 * 1024 * 1024;
