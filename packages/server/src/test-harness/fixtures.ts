import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const testdata = fileURLToPath(new URL("../testdata/", import.meta.url));

/** Text of a file in the server's testdata folder. */
export const fixture = (name: string): string => readFileSync(join(testdata, name), "utf8");

/** Path of a file or folder in the server's testdata folder. */
export const fixturePath = (name: string): string => join(testdata, name);

/** A fresh temp dir. */
export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `lading-${prefix}-`));

/** Imports advisories into a vulnerability database dir with the real `lading db import`. */
export function importAdvisories(dbDir: string, ...inputs: string[]): void {
  execFileSync(
    process.execPath,
    [join(root, "packages/cli/bin/lading.js"), "db", "--db", dbDir, "import", ...inputs],
    { stdio: "pipe" },
  );
}
