import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

// Golden outputs live in ./golden. UPDATE_GOLDEN=1 rewrites them from the current output
// instead of comparing, after which the diff is reviewed and committed like code.

/** Reads the golden file `name`, writing `actual` to it first when UPDATE_GOLDEN=1. */
export function readGolden(name: string, actual: string): string {
  const url = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(url.pathname), { recursive: true });
    writeFileSync(url, actual);
  }
  if (!existsSync(url)) throw new Error(`golden ${name} is missing; run with UPDATE_GOLDEN=1`);
  return readFileSync(url, "utf8");
}

/** Replaces the values of volatile JSON keys (times, serial numbers, namespaces) by a mark. */
export function maskVolatile(text: string, keys: readonly string[]): string {
  return keys.reduce(
    (masked, key) =>
      masked.replaceAll(new RegExp(`("${key}": )"[^"]*"`, "g"), `$1"<${key}>"`),
    text,
  );
}
