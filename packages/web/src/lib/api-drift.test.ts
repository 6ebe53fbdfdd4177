/**
 * The typed client must match the server it talks to: the saved OpenAPI document equals the one
 * a real server serves, and api-schema.d.ts is exactly what openapi-typescript makes of it.
 * On failure: `node packages/web/scripts/refresh-api.mjs`, then fix what no longer compiles.
 */
import { readFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../../server/src/test-harness/fixtures.js";
import {
  type ServerProcess,
  startServerProcess,
} from "../../../server/src/test-harness/server-process.js";

const saved = (name: string) => readFileSync(new URL(name, import.meta.url), "utf8");

describe("the API client against the live OpenAPI document", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({
      dataDir: tempDir("web-openapi"),
      vulnDbDir: tempDir("web-openapi-db"),
    });
  });
  afterAll(() => server?.stop());

  it("has the saved document the server serves", async () => {
    const live = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(live).toEqual(JSON.parse(saved("../../openapi.json")));
  });

  it("has client types generated from that document", async () => {
    const doc = JSON.parse(saved("../../openapi.json"));
    expect(astToString(await openapiTS(doc))).toBe(saved("./api-schema.d.ts"));
  });
});
