/**
 * End of life and image age, judged when a snapshot is matched and judged again on re-match,
 * against a real server process on SQLite and on PostgreSQL. Alpine 3.10 ended on 2021-05-01;
 * Debian 12's security support ends 2026-06-10, its free LTS 2028-06-30 (the shipped dates).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Auth, call, eventually, login } from "./test-harness/client.js";
import { fixture, fixturePath, importAdvisories, tempDir } from "./test-harness/fixtures.js";
import { backends, startPostgres, type TestPostgres } from "./test-harness/postgres.js";
import { type ServerProcess, startServerProcess } from "./test-harness/server-process.js";

const password = "correct horse battery staple";
const DAY_MS = 86_400_000;

/** What Debian 12 is on the day the test runs, by the shipped dates. */
const debian12State = () =>
  Date.now() < Date.parse("2026-06-10")
    ? "supported"
    : Date.now() < Date.parse("2028-06-30")
      ? "security-only"
      : "eol";

/** The Debian SBOM as one of an image built with the OCI `created` label, `days` ago. */
function debianBuiltDaysAgo(days: number): { text: string; created: string } {
  const created = new Date(Date.now() - days * DAY_MS).toISOString();
  const sbom = JSON.parse(fixture("debian-12.cdx.json"));
  sbom.metadata.component.properties.push({
    name: "lading:image:label:org.opencontainers.image.created",
    value: created,
  });
  return { text: JSON.stringify(sbom), created };
}

describe.each(backends())("outdated images on %s", (backend) => {
  let server: ServerProcess;
  let base: string;
  let admin: Auth;
  let vulnDb: string;
  let pgCluster: TestPostgres | undefined;
  const ids: Record<string, string> = {};

  const ready = async (id: string, after = "") =>
    eventually(async () => {
      const s = (await call(base, "GET", `/api/snapshots/${id}`, admin)).body;
      return s.state === "ready" && s.processedAt > after ? s : undefined;
    });
  const upload = async (project: string, text: string, kind = "container") => {
    const up = await call(
      base,
      "POST",
      `/api/snapshots?project=${project}&kind=${kind}`,
      admin,
      text,
    );
    expect(up.status).toBe(202);
    return up.body.id as string;
  };

  beforeAll(async () => {
    if (backend === "postgres") pgCluster = await startPostgres();
    const databaseUrl =
      backend === "postgres" ? await pgCluster?.createDatabase("outdated") : undefined;
    vulnDb = tempDir("outdated-db");
    importAdvisories(vulnDb, fixturePath("advisories-first"));
    server = await startServerProcess({
      dataDir: tempDir("outdated"),
      vulnDbDir: vulnDb,
      databaseUrl,
      env: { LADING_ADMIN_PASSWORD: password },
    });
    base = server.url;
    admin = await login(base, "admin", password);
    ids.alpine = await upload("prod/alpine", fixture("alpine-310.cdx.json"));
    ids.debian = await upload("prod/debian", fixture("debian-12.cdx.json"));
    ids.old = await upload("prod/debian-old", debianBuiltDaysAgo(400).text);
    ids.app = await upload("prod/app", fixture("syft-dir-coverage.cdx.json"), "application");
    for (const id of Object.values(ids)) await ready(id);
  });
  afterAll(async () => {
    await server?.stop();
    pgCluster?.stop();
  });

  it("reports Alpine 3.10 past end of life, with the date that decided it", async () => {
    const s = await ready(ids.alpine);
    expect([s.eolState, s.distroEol, s.imageCreated]).toEqual(["eol", "2021-05-01", null]);
    expect(s.outdated).toMatchObject({
      assessedOn: new Date().toISOString().slice(0, 10),
      pastSecuritySupport: true,
      distro: {
        name: "Alpine Linux v3.10",
        product: "alpine",
        cycle: "3.10",
        state: "eol",
        decidedBy: { field: "eol", date: "2021-05-01" },
        securityEnd: "2021-05-01",
      },
      runtimes: [],
    });
    expect(s.outdated.age.image).toBeUndefined();
  });

  it("reports Debian 12 by its security and LTS dates, never as past end of life before them", async () => {
    const s = await ready(ids.debian);
    expect([s.eolState, s.distroEol]).toEqual([debian12State(), "2028-06-30"]);
    expect(s.outdated.pastSecuritySupport).toBe(debian12State() === "eol");
    expect(s.outdated.distro).toMatchObject({
      name: "Debian GNU/Linux 12 (bookworm)",
      cycle: "12",
      supportEnd: "2026-06-10",
    });
  });

  it("ages an image from its OCI created label, and judges none for a source tree", async () => {
    const s = await ready(ids.old);
    expect(Date.parse(s.imageCreated)).toBeLessThan(Date.now() - 399 * DAY_MS);
    expect(s.outdated.age.image).toMatchObject({ days: 400, stale: true });
    const app = await ready(ids.app);
    expect([app.eolState, app.distroEol, app.outdated.distro]).toEqual([null, null, undefined]);
  });

  it("counts EOL and stale images for the dashboard, and shows each project's state", async () => {
    const summary = (await call(base, "GET", "/api/outdated/summary", admin)).body;
    const securityOnly = debian12State() === "security-only" ? 2 : 0;
    expect(summary).toMatchObject({ images: 4, eol: 1, securityOnly, notJudged: 1, stale: 1 });
    expect((await call(base, "GET", "/api/outdated/summary?staleDays=500", admin)).body.stale).toBe(
      0,
    );
    expect((await call(base, "GET", "/api/outdated/summary?staleDays=0", admin)).status).toBe(400);
    const exposure = (await call(base, "GET", "/api/exposure?sort=path&order=asc", admin)).body;
    expect(
      exposure.items.map((e: { path: string; eolState: string }) => [e.path, e.eolState]),
    ).toEqual([
      ["prod/alpine", "eol"],
      ["prod/app", null],
      ["prod/debian", debian12State()],
      ["prod/debian-old", debian12State()],
    ]);
  });

  it("judges again on re-match, with end-of-life dates refreshed since", async () => {
    const before = await ready(ids.alpine);
    // As `lading db update` would leave it: Alpine 3.10's dates replaced by a refreshed file.
    mkdirSync(join(vulnDb, "eol"), { recursive: true });
    const cycle = { cycle: "3.10", releaseDate: "2019-06-19", eol: "2099-01-01" };
    writeFileSync(join(vulnDb, "eol", "alpine.json"), JSON.stringify([cycle]));
    importAdvisories(vulnDb, fixturePath("advisories-later"));
    expect((await call(base, "POST", "/api/vulndb/update", admin)).status).toBe(202);
    const after = await ready(ids.alpine, before.processedAt);
    expect([after.eolState, after.distroEol]).toEqual(["supported", "2099-01-01"]);
    const summary = (await call(base, "GET", "/api/outdated/summary", admin)).body;
    expect(summary.eol).toBe(0);
  });
});
