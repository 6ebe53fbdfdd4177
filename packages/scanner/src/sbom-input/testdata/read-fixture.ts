import { readFileSync } from "node:fs";

/** The bytes of a fixture under this folder. */
export function readFixture(path: string): Buffer {
  return readFileSync(new URL(`./${path}`, import.meta.url));
}
