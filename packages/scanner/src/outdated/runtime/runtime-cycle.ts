import type { RuntimeProduct } from "../types.js";

/** How many leading numbers of a version name its cycle, per runtime. */
const CYCLE_PARTS: Record<RuntimeProduct, number> = {
  nodejs: 1,
  python: 2,
  "eclipse-temurin": 1,
  go: 2,
  ruby: 2,
  php: 2,
  dotnet: 2,
};

/**
 * The leading dotted numbers of a version as packagers write it: the epoch, a `v` or `go`
 * prefix and any packaging suffix (`+dfsg-6`, `-r0`, `~deb12u1`) cut off. Undefined when the
 * version does not start with a number.
 */
export function numericVersion(version: string): string | undefined {
  const bare = version.replace(/^\d+:/, "").replace(/^(v|go)/, "");
  return /^\d+(\.\d+)*/.exec(bare)?.[0];
}

/**
 * The endoflife.date cycle a runtime version belongs to: `16.20.2` → `16`, `3.11.4` → `3.11`,
 * `go1.21.5` → `1.21`, Java's old `1.8.0_392` → `8`, `8.0.1` (.NET) → `8.0`. Undefined when the
 * version has too few numbers to name one (`3` for Python).
 */
export function runtimeCycle(product: RuntimeProduct, version: string): string | undefined {
  let numbers = numericVersion(version)?.split(".");
  if (!numbers) return undefined;
  // Java numbered releases 1.N up to 8 (JEP 223 dropped the `1.` from 9 on).
  if (product === "eclipse-temurin" && numbers[0] === "1" && numbers.length > 1)
    numbers = numbers.slice(1);
  const parts = CYCLE_PARTS[product];
  if (numbers.length < parts) return undefined;
  // .NET names its cycles with the minor even when it is 0 (`8.0`).
  return numbers.slice(0, parts).join(".");
}
