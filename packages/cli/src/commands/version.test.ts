import { execFileSync, spawnSync } from "node:child_process";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { findVersionScheme } from "@lading/scanner";
import { describe, expect, it } from "vitest";
import { compareBatch } from "./version.js";

const bin = fileURLToPath(new URL("../../bin/lading.js", import.meta.url));

async function runBatch(scheme: string, input: string): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  const done = compareBatch(findVersionScheme(scheme), stdin, stdout);
  stdin.end(input);
  await done;
  return out;
}

describe("lading version compare --batch", () => {
  it("answers each line, and marks pairs it cannot compare instead of stopping", async () => {
    const out = await runBatch("dpkg", "1.0~rc1\t1.0\n2:1\t1:9\nabc\n1.0\t1.0-0\n:1\t1\n");
    expect(out.split("\n")).toEqual([
      "-1",
      "1",
      "error: expected two versions separated by a tab",
      "0",
      'error: ":1" is not a valid dpkg version',
      "",
    ]);
  });

  // How fast is the benchmark's business; this proves every pair gets its own answer line.
  it("answers all of 100,000 pairs", async () => {
    const input = Array.from({ length: 100_000 }, (_, i) => `1.${i % 97}-${i % 13}\t1.${i % 89}-1`);
    const out = await runBatch("dpkg", `${input.join("\n")}\n`);
    expect(out.split("\n")).toHaveLength(100_001);
  });
});

describe("lading version compare", () => {
  it("prints -1, 0 or 1 as dpkg --compare-versions would", () => {
    const out = execFileSync("node", [bin, "version", "compare", "dpkg", "1.2-1~deb12u1", "1.2-1"]);
    expect(out.toString()).toBe("-1\n");
  });

  it("exits 1 with one line for an invalid version or an unknown scheme", () => {
    const invalid = spawnSync("node", [bin, "version", "compare", "apk", "1.0bc", "1.0"]);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr.toString()).toBe('lading: "1.0bc" is not a valid apk version\n');
    const unknown = spawnSync("node", [bin, "version", "compare", "cobol", "1", "2"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.toString()).toMatch(
      /^lading: unknown version scheme "cobol"; known: apk, /,
    );
  });
});
