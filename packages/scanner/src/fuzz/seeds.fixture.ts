/** Seed files for the hostile-input properties: real files from the corpus and fuzz/testdata. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const srcRoot = join(import.meta.dirname, "..");

/** Reads files below `src/`, by paths relative to it. */
export function seedFiles(...paths: string[]): Buffer[] {
  return paths.map((p) => readFileSync(join(srcRoot, p)));
}

/**
 * Every file below `dir` (relative to `src/`) whose path there matches `keep`, up to `maxBytes`
 * each, sorted so the seed list is the same on every machine. Expectation files are left out.
 */
export function seedsUnder(dir: string, keep: RegExp, maxBytes = 256 << 10): Buffer[] {
  const found: Buffer[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs).sort()) {
      const full = join(abs, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (isSeed(relative(root, full), keep) && stat.size <= maxBytes) {
        found.push(readFileSync(full));
      }
    }
  };
  const root = join(srcRoot, dir);
  walk(root);
  return found;
}

function isSeed(path: string, keep: RegExp): boolean {
  const name = path.split("/").pop() ?? "";
  return keep.test(path) && !name.startsWith("expected") && !name.endsWith(".md");
}

/** True for a normalised absolute image path: `/`, or `/a/b` with no empty, `.` or `..` part. */
export function isSafeImagePath(path: string): boolean {
  if (path === "/") return true;
  if (!path.startsWith("/")) return false;
  return path
    .slice(1)
    .split("/")
    .every((part) => part !== "" && part !== "." && part !== "..");
}
