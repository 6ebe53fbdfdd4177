import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledEolDir } from "./eol-dirs.js";
import { loadEolData } from "./load-eol-data.js";
import { refreshEolData } from "./refresh-eol-data.js";

/** Serves the shipped files as endoflife.date would, with an ETag; counts what it answered. */
function startApi(): Promise<{
  server: Server;
  base: string;
  log: string[];
  bodies: Map<string, string>;
}> {
  const log: string[] = [];
  const bodies = new Map<string, string>();
  for (const product of ["alpine", "debian"])
    bodies.set(product, readFileSync(join(bundledEolDir(), `${product}.json`), "utf8"));
  bodies.set("broken", "{ not json");
  const server = createServer((req, res) => {
    const product = /^\/api\/([\w-]+)\.json$/.exec(req.url ?? "")?.[1] ?? "";
    const body = bodies.get(product);
    if (body === undefined) return res.writeHead(404).end();
    const etag = `"${product}-${body.length}"`;
    const status = req.headers["if-none-match"] === etag ? 304 : 200;
    log.push(`${product} ${status}`);
    res.writeHead(status, { etag, "content-type": "application/json" });
    res.end(status === 200 ? body : undefined);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}/api`, log, bodies });
    }),
  );
}

describe("refreshEolData against a loopback endoflife.date", () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let dir: string;
  const now = () => new Date("2026-12-03T08:00:00Z");

  beforeAll(async () => {
    api = await startApi();
    dir = await mkdtemp(join(tmpdir(), "lading-eol-"));
  });
  afterAll(async () => {
    api.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("downloads each product, then asks again only conditionally", async () => {
    const options = { baseUrl: api.base, products: ["alpine", "debian"], now };
    const first = await refreshEolData(fetch, dir, options);
    expect(first.map((o) => [o.product, o.outcome, o.cycles])).toEqual([
      ["alpine", "updated", 20],
      ["debian", "updated", 7],
    ]);
    const second = await refreshEolData(fetch, dir, options);
    expect(second.map((o) => o.outcome)).toEqual(["unchanged", "unchanged"]);
    expect(api.log).toEqual(["alpine 200", "debian 200", "alpine 304", "debian 304"]);
    expect(await readFile(join(dir, "debian.json"), "utf8")).toBe(api.bodies.get("debian"));
  });

  it("keeps the previous file when an answer is broken or missing, and says why", async () => {
    await writeFile(join(dir, "broken.json"), '[{"cycle": "1", "eol": "2020-01-01"}]');
    const outcomes = await refreshEolData(fetch, dir, {
      baseUrl: api.base,
      products: ["broken", "missing"],
    });
    expect(outcomes.map((o) => o.outcome)).toEqual(["failed", "failed"]);
    expect(outcomes[0]?.reason).toMatch(/broken\.json: .*JSON/);
    expect(outcomes[1]?.reason).toContain("HTTP 404");
    expect(await readFile(join(dir, "broken.json"), "utf8")).toContain('"cycle": "1"');
  });

  it("is preferred over the shipped copy when loaded, with the time it was fetched", async () => {
    api.bodies.set("alpine", JSON.stringify([{ cycle: "3.10", eol: "2099-01-01" }]));
    await refreshEolData(fetch, dir, { baseUrl: api.base, products: ["alpine"], now });
    const data = await loadEolData({ refreshedDir: dir });
    expect(data.products.get("alpine")).toEqual([{ cycle: "3.10", eol: "2099-01-01" }]);
    expect(data.fetchedAt.get("alpine")).toBe("2026-12-03T08:00:00.000Z");
    expect(data.fetchedAt.get("ruby")).toBeUndefined();
    expect(data.products.get("ruby")?.length).toBeGreaterThan(0);
  });

  it("reports a network failure without throwing", async () => {
    const [outcome] = await refreshEolData(fetch, dir, {
      baseUrl: "http://127.0.0.1:1/api",
      products: ["alpine"],
    });
    expect(outcome?.outcome).toBe("failed");
    expect(outcome?.reason).toContain("http://127.0.0.1:1/api/alpine.json");
  });
});
