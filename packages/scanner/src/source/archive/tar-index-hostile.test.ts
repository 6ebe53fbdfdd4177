/**
 * Regression cases found by the hostile-input properties (src/fuzz): archives whose headers
 * state sizes that are not a whole number of bytes. Each must be refused, promptly.
 */
import { open } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImageFormatError } from "../../errors.js";
import { indexTar } from "./tar-index.js";

const testdata = join(import.meta.dirname, "testdata");

async function index(name: string) {
  const handle = await open(join(testdata, name), "r");
  try {
    return await indexTar(handle, name);
  } finally {
    await handle.close();
  }
}

describe("indexTar on crafted sizes", () => {
  it("refuses a negative size that would send it back to an earlier header for ever", async () => {
    await expect(index("negative-size-loop.tar")).rejects.toThrow(
      new ImageFormatError(
        "negative-size-loop.tar is not a valid tar: member at byte 512 has size -1024",
      ),
    );
  }, 5_000);

  it("refuses a pax size record that is negative", async () => {
    await expect(index("pax-negative-size.tar")).rejects.toThrow(
      /member at byte 1024 has size -99999/,
    );
  }, 5_000);

  it("refuses a pax size record that is not a number", async () => {
    await expect(index("pax-size-not-a-number.tar")).rejects.toThrow(
      /member at byte 1024 has size NaN/,
    );
  }, 5_000);
});
