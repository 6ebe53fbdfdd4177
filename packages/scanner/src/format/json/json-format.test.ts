import { describe, expect, it } from "vitest";
import { readGolden } from "../testdata/golden.js";
import { imageScan } from "../testdata/scan-results.js";
import type { FormatContext } from "../types.js";
import { jsonFormat } from "./json-format.js";

const context: FormatContext = {
  toolName: "lading",
  toolVersion: "0.1.0",
  now: new Date("2024-06-01T12:00:00.000Z"),
};

describe("json", () => {
  const text = jsonFormat.write(imageScan, context);

  it("matches the golden document", () => {
    expect(text).toBe(readGolden("lading.json", text));
  });

  it("keeps the whole scan result, behind a schema marker and the tool", () => {
    const { schema, tool, created, ...rest } = JSON.parse(text);
    expect({ schema, tool, created }).toEqual({
      schema: "lading/scan-result@1",
      tool: { name: "lading", version: "0.1.0" },
      created: "2024-06-01T12:00:00.000Z",
    });
    expect(rest).toEqual(imageScan);
  });
});
