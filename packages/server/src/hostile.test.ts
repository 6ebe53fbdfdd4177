/**
 * Hostile clients against a real server process, on SQLite and on PostgreSQL: broken and
 * oversized uploads and bodies, wrong content types, sign-in guesses behind a forged
 * X-Forwarded-For, SQL metacharacters in every list parameter, tokens used past their scope,
 * expiry or revocation, session fixation, and path traversal in the static files. Each must get its status, and the stored row counts must not move.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Auth, call, eventually, login } from "./test-harness/client.js";
import { fixture, tempDir } from "./test-harness/fixtures.js";
import {
  closedParams,
  idRoutes,
  metacharacters,
  textFilters,
} from "./test-harness/hostile-params.js";
import { backends, startPostgres, type TestPostgres } from "./test-harness/postgres.js";
import { rawRequest } from "./test-harness/raw-http.js";
import { type ServerProcess, startServerProcess } from "./test-harness/server-process.js";

const password = "correct horse battery staple";
const secret = "TOP-SECRET-OUTSIDE-THE-STATIC-DIR";
const index = "<!doctype html><title>lading ui</title>";

/** The static dir: the UI's files, plus symlinks that point out of it. */
function staticDir(): string {
  const outside = tempDir("outside");
  writeFileSync(join(outside, "secret.txt"), secret);
  const root = tempDir("static");
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), index);
  writeFileSync(join(root, "assets", "app.js"), "console.log('ui')");
  symlinkSync(join(outside, "secret.txt"), join(root, "leak.txt"));
  symlinkSync(outside, join(root, "out"));
  return root;
}

describe.each(backends())("hostile clients on %s", (backend) => {
  let server: ServerProcess;
  let base: string;
  let admin: Auth;
  let snapshot: string;
  let devSnapshot: string;
  let pgCluster: TestPostgres | undefined;
  const tokens: Record<string, Auth> = {};

  const url = (path: string) => path.replaceAll("{snapshot}", snapshot);
  /** Rows in every table a client could write to, read through the API. */
  const counts = async () => {
    const total = async (path: string) => (await call(base, "GET", path, admin)).body.total;
    return {
      projects: await total("/api/projects?limit=1"),
      snapshots: await total("/api/snapshots?limit=1"),
      tokens: await total("/api/tokens?limit=1"),
      users: await total("/api/users?limit=1"),
      jobs: await total("/api/jobs?limit=1"),
      findings: await total("/api/findings?latest=false&limit=1"),
      components: await total("/api/components?limit=1"),
    };
  };
  const upload = async (project: string, name: string) => {
    const up = await call(base, "POST", `/api/snapshots?project=${project}`, admin, fixture(name));
    await eventually(async () =>
      (await call(base, "GET", `/api/snapshots/${up.body.id}`, admin)).body.state === "ready"
        ? true
        : undefined,
    );
    return up.body.id as string;
  };
  const token = async (spec: object) => ({
    bearer: (await call(base, "POST", "/api/tokens", admin, { name: "t", ...spec })).body
      .token as string,
  });

  beforeAll(async () => {
    if (backend === "postgres") pgCluster = await startPostgres();
    const databaseUrl =
      backend === "postgres" ? await pgCluster?.createDatabase("hostile") : undefined;
    server = await startServerProcess({
      dataDir: tempDir("hostile"),
      vulnDbDir: tempDir("hostile-db"),
      databaseUrl,
      env: { LADING_ADMIN_PASSWORD: password },
      args: ["--max-upload", "1", "--static-dir", staticDir()],
    });
    base = server.url;
    admin = await login(base, "admin", password);
    snapshot = await upload("prod/base", "alpine-310.cdx.json");
    devSnapshot = await upload("dev/other", "alpine-310.spdx.json");
    tokens.read = await token({ scopes: ["read"] });
    tokens.prodUpload = await token({ scopes: ["upload"], projectPrefix: "prod" });
    tokens.prodRead = await token({ scopes: ["read"], projectPrefix: "prod" });
  });
  afterAll(async () => {
    await server?.stop();
    pgCluster?.stop();
  });

  it("refuses broken, oversized and mistyped uploads, storing nothing", async () => {
    const before = await counts();
    const typed = (body: string | Buffer, type: string | undefined, path?: string) =>
      rawRequest(
        base,
        "POST",
        path ?? "/api/snapshots?project=prod/x",
        {
          authorization: `Bearer ${(tokens.prodUpload as { bearer: string }).bearer}`,
          ...(type ? { "content-type": type } : {}),
        },
        body,
      ).then((r) => [r.status, JSON.parse(r.text).error?.code]);
    const sbom = fixture("alpine-310.cdx.json");
    const json = "application/json";
    expect(await typed("", json)).toEqual([400, "invalid_request"]);
    expect(await typed('{"bomFormat": "CycloneDX", ', json)).toEqual([400, "invalid_request"]);
    expect(await typed(Buffer.from([0xff, 0xfe, 0x00, 0x7b]), json)).toEqual([
      400,
      "invalid_request",
    ]);
    expect(await typed(`${"[".repeat(100_000)}${"]".repeat(100_000)}`, json)).toEqual([
      422,
      "unsupported_sbom",
    ]);
    expect(await typed('"just a string"', json)).toEqual([422, "unsupported_sbom"]);
    // Valid CycloneDX at any depth: components inside components, a thousand levels down.
    const open = '{"type":"library","name":"n","version":"1","components":[';
    const deep = `${open.repeat(1000)}{"type":"library","name":"leaf"}${"]}".repeat(1000)}`;
    const bom = JSON.parse(sbom);
    const nested = JSON.stringify({ ...bom, components: ["DEEP", ...bom.components] }).replace(
      '"DEEP"',
      deep,
    );
    expect(await typed(nested, json)).toEqual([422, "unsupported_sbom"]);
    expect(
      await typed('{"bomFormat":"CycloneDX","specVersion":"1.6","components":"x"}', json),
    ).toEqual([422, "unsupported_sbom"]);
    expect(await typed(`{"spdxVersion":"SPDX-2.3","packages":[{"name":1}]}`, json)).toEqual([
      422,
      "unsupported_sbom",
    ]);
    const huge = JSON.stringify({ ...JSON.parse(sbom), padding: "x".repeat(1_100_000) });
    expect(await typed(huge, json)).toEqual([413, "payload_too_large"]);
    const chunked = await rawRequest(
      base,
      "POST",
      "/api/snapshots?project=prod/x",
      {
        authorization: `Bearer ${(tokens.prodUpload as { bearer: string }).bearer}`,
        "content-type": json,
        "transfer-encoding": "chunked",
      },
      huge,
    );
    expect(chunked.status).toBe(413);
    for (const type of [undefined, "text/plain", "multipart/form-data; boundary=x", "text/json"])
      expect(await typed(sbom, type), String(type)).toEqual([415, "unsupported_media_type"]);
    expect(await typed(sbom, "application/x-www-form-urlencoded")).toEqual([
      415,
      "unsupported_media_type",
    ]);
    for (const project of ["../../etc", "prod/../dev", "prod//x", "", "prod/x%00"])
      expect(await typed(sbom, json, `/api/snapshots?project=${project}`), project).toEqual([
        400,
        "invalid_request",
      ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses an oversized body on every route before reading it, signed in or not", async () => {
    const before = await counts();
    // Routes read JSON whole; the sign-in route does so before it knows who is calling.
    const big = JSON.stringify({ username: "admin", password: "x".repeat(1_100_000) });
    const bearer = { authorization: `Bearer ${(tokens.prodUpload as { bearer: string }).bearer}` };
    const tries: [string, string, Record<string, string>][] = [
      ["POST", "/api/auth/login", {}],
      ["POST", "/api/setup", {}],
      ["POST", "/api/agents/heartbeat", bearer],
      ["PUT", "/api/findings/x/analysis", bearer],
    ];
    for (const [method, path, auth] of tries)
      for (const chunked of [false, true]) {
        const headers = {
          ...auth,
          "content-type": "application/json",
          ...(chunked ? { "transfer-encoding": "chunked" } : {}),
        };
        const answer = await rawRequest(base, method, path, headers, big);
        expect([answer.status, path, chunked]).toEqual([413, path, chunked]);
      }
    expect(await counts()).toEqual(before);
  });

  it("counts failed sign-ins by connection, whatever X-Forwarded-For claims", async () => {
    const username = "guessed";
    await call(base, "POST", "/api/users", admin, { username, password, role: "viewer" });
    const signIn = async (tried: string, i: number) =>
      (
        await rawRequest(
          base,
          "POST",
          "/api/auth/login",
          { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}` },
          JSON.stringify({ username, password: tried }),
        )
      ).status;
    for (let i = 0; i < 5; i++) expect(await signIn("wrong", i)).toBe(401);
    expect(await signIn(password, 99)).toBe(429);
  });

  it("never leaves the server without an enabled admin", async () => {
    const me = (await call(base, "GET", "/api/auth/me", admin)).body.id as string;
    for (const change of [{ role: "member" }, { role: "viewer" }, { disabled: true }]) {
      const answer = await call(base, "PATCH", `/api/users/${me}`, admin, change);
      expect([answer.status, answer.body.error?.code]).toEqual([409, "conflict"]);
    }
    // Two admins demoting each other at once: exactly one of them is demoted.
    const created = await call(base, "POST", "/api/users", admin, {
      username: "second-admin",
      password,
      role: "admin",
    });
    const second = await login(base, "second-admin", password);
    const answers = await Promise.all([
      call(base, "PATCH", `/api/users/${created.body.id}`, admin, { role: "viewer" }),
      call(base, "PATCH", `/api/users/${me}`, second, { role: "viewer" }),
    ]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const left = answers[0].status === 200 ? admin : second;
    const admins = await call(base, "GET", "/api/users?role=admin", left);
    expect(admins.body.items.map((u: { disabled: boolean }) => u.disabled)).toEqual([false]);
    // Later tests sign in as the first admin: give it its role back.
    expect((await call(base, "PATCH", `/api/users/${me}`, left, { role: "admin" })).status).toBe(
      200,
    );
  });

  it("refuses JSON routes a body of another type", async () => {
    const before = await counts();
    const session = admin as { session: string; csrf: string };
    const headers = (type: string) => ({
      cookie: `lading_session=${session.session}`,
      "x-csrf-token": session.csrf,
      "content-type": type,
    });
    const tries: [string, string, string][] = [
      ["POST", "/api/projects", JSON.stringify({ path: "prod/typed", kind: "host" })],
      ["POST", "/api/tokens", JSON.stringify({ name: "t", scopes: ["read"] })],
      ["POST", "/api/users", JSON.stringify({ username: "typed", password, role: "viewer" })],
      ["POST", "/api/webhooks", JSON.stringify({ url: "http://127.0.0.1:9/h" })],
    ];
    for (const [method, path, body] of tries)
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "text/xml"]) {
        const answer = await rawRequest(base, method, path, headers(type), body);
        expect([answer.status, path, type]).toEqual([415, path, type]);
      }
    expect(await counts()).toEqual(before);
  });

  it("refuses a JSON route a request with no body and no type, as a 400", async () => {
    const before = await counts();
    const session = admin as { session: string; csrf: string };
    const headers = { cookie: `lading_session=${session.session}`, "x-csrf-token": session.csrf };
    // Without a Content-Type the route's schema used to be skipped: the handler got `{}`.
    for (const [method, path] of [
      ["POST", "/api/auth/login"],
      ["POST", "/api/setup"],
      ["POST", "/api/users"],
      ["POST", "/api/tokens"],
      ["POST", "/api/projects"],
      ["POST", "/api/webhooks"],
      ["PUT", "/api/findings/x/analysis"],
      ["POST", "/api/agents/heartbeat"],
    ]) {
      const answer = await rawRequest(base, method, path, headers);
      expect([answer.status, JSON.parse(answer.text).error?.code, path]).toEqual([
        400,
        "invalid_request",
        path,
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it("treats SQL metacharacters in every list parameter as data", async () => {
    const before = await counts();
    for (const [route, param] of textFilters)
      for (const value of metacharacters) {
        const path = `${url(route)}?${param}=${encodeURIComponent(value)}`;
        const answer = await call(base, "GET", path, admin);
        expect([answer.status, answer.body.total, path]).toEqual([200, 0, path]);
      }
    const search = async (q: string) =>
      (await call(base, "GET", url(`/api/snapshots/{snapshot}/components?q=${q}`), admin)).body
        .total;
    expect([await search("ssl_client"), await search("ssl_"), await search("ssl%25")]).toEqual([
      1, 1, 0,
    ]);
    for (const [route, param] of closedParams)
      for (const value of metacharacters) {
        const path = `${url(route)}?${param}=${encodeURIComponent(value)}`;
        const answer = await call(base, "GET", path, admin);
        expect([answer.status, answer.body.error?.code, path]).toEqual([
          400,
          "invalid_request",
          path,
        ]);
      }
    for (const route of idRoutes)
      for (const value of metacharacters) {
        const path = route.includes("{v}")
          ? route.replace("{v}", encodeURIComponent(value))
          : `${route}${encodeURIComponent(value)}`;
        const answer = await call(base, "GET", path, admin);
        expect([answer.status, path]).toEqual([404, path]);
      }
    expect(await counts()).toEqual(before);
  });

  it("refuses NUL characters in parameters on either database", async () => {
    for (const [route, param] of [...textFilters, ["/api/snapshot-diff", "from"]]) {
      const path = `${url(route)}?${param}=a%00b`;
      const answer = await call(base, "GET", path, admin);
      expect([answer.status, answer.body.error?.code, path]).toEqual([
        400,
        "invalid_request",
        path,
      ]);
    }
    const project = await call(base, "POST", "/api/projects", admin, {
      path: "prod/nul\u0000x",
      kind: "host",
    });
    expect(project.status).toBe(400);
    // PostgreSQL cannot store a NUL in text; SQLite can. Either way, never a 500.
    const named = await call(base, "POST", "/api/tokens", admin, {
      name: "nul\u0000name",
      scopes: ["read"],
    });
    expect(named.status).toBe(backend === "postgres" ? 400 : 201);
  });

  it("refuses an SBOM whose components hold a NUL on either database, storing nothing", async () => {
    const before = await counts();
    const sbom = JSON.parse(fixture("alpine-310.cdx.json"));
    const musl = sbom.components.find((c: { name: string }) => c.name === "musl");
    musl.name = "musl\u0000evil";
    const answer = await call(
      base,
      "POST",
      "/api/snapshots?project=prod/nul-sbom",
      admin,
      JSON.stringify(sbom),
    );
    expect([answer.status, answer.body.error?.code]).toEqual([400, "invalid_request"]);
    expect(answer.body.error.message).toMatch(
      /^text holds a NUL: package \d+ \("musl\\u0000evil"\)$/,
    );
    expect(await counts()).toEqual(before);
  });

  it("holds tokens to their scope, prefix, expiry and revocation", async () => {
    const before = await counts();
    const sbom = fixture("alpine-310.cdx.json");
    const status = async (auth: Auth, method: string, path: string, body?: unknown) =>
      (await call(base, method, path, auth, body)).status;
    expect(await status(tokens.read, "POST", "/api/snapshots?project=prod/r", sbom)).toBe(403);
    expect(await status(tokens.read, "POST", "/api/projects", { path: "x", kind: "host" })).toBe(
      403,
    );
    expect(
      await status(tokens.read, "PUT", "/api/findings/x/analysis", { state: "exploitable" }),
    ).toBe(403);
    expect(
      await status(tokens.read, "POST", "/api/tokens", { name: "w", scopes: ["upload"] }),
    ).toBe(403);
    expect(await status(tokens.read, "GET", "/api/users")).toBe(403);
    expect(await status(tokens.prodUpload, "POST", "/api/snapshots?project=dev/x", sbom)).toBe(403);
    // An upload token may not create projects unless it was made to: the project is unknown.
    expect(await status(tokens.prodUpload, "POST", "/api/snapshots?project=prod/new", sbom)).toBe(
      404,
    );
    expect(await status(tokens.prodUpload, "GET", "/api/projects")).toBe(403);
    expect(await status(tokens.prodRead, "GET", `/api/snapshots/${devSnapshot}`)).toBe(404);
    expect(await status(tokens.prodRead, "GET", `/api/snapshots/${devSnapshot}/sbom`)).toBe(404);
    const devProject = (await call(base, "GET", `/api/snapshots/${devSnapshot}`, admin)).body
      .projectId;
    expect(await status(tokens.prodRead, "GET", `/api/projects/${devProject}`)).toBe(404);
    const listed = await call(base, "GET", "/api/snapshots", tokens.prodRead);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([snapshot]);
    for (const header of ["Bearer", "Bearer lad_x_y", "Basic YWRtaW46eA==", "bearer  "]) {
      const answer = await rawRequest(base, "GET", "/api/projects", { authorization: header });
      expect([answer.status, header]).toEqual([401, header]);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a token past its expiry, to the second", async () => {
    const expiresAt = new Date(Date.now() + 2_000).toISOString().replace(/\.\d+Z$/, "Z");
    const soon = await token({ scopes: ["read"], expiresAt });
    expect((await call(base, "GET", "/api/projects", soon)).status).toBe(200);
    await new Promise((r) => setTimeout(r, Date.parse(expiresAt) - Date.now() + 50));
    expect((await call(base, "GET", "/api/projects", soon)).status).toBe(401);
    const past = await call(base, "POST", "/api/tokens", admin, {
      name: "dead",
      scopes: ["read"],
      expiresAt: "2001-01-01T00:00:00Z",
    });
    expect(past.status).toBe(400);
  });

  it("refuses a revoked token at once", async () => {
    const doomed = await token({ scopes: ["read"] });
    const { items } = (await call(base, "GET", "/api/tokens?sort=createdAt&order=desc", admin))
      .body;
    expect((await call(base, "GET", "/api/projects", doomed)).status).toBe(200);
    expect((await call(base, "DELETE", `/api/tokens/${items[0].id}`, admin)).status).toBe(204);
    expect((await call(base, "GET", "/api/projects", doomed)).status).toBe(401);
  });

  it("never lets a session id chosen before sign-in survive it", async () => {
    const fixed = "attacker-chosen-session-id";
    const signIn = (cookie: string, csrf = "") =>
      fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
        body: JSON.stringify({ username: "admin", password }),
      });
    const sessionOf = (r: Response) =>
      /lading_session=([^;]*)/.exec(r.headers.getSetCookie().join("\n"))?.[1] ?? "";
    const me = async (id: string) =>
      (await call(base, "GET", "/api/auth/me", { session: id, csrf: "" })).status;
    const first = await signIn(`lading_session=${fixed}; lading_csrf=fixed`);
    const firstId = sessionOf(first);
    expect(firstId).not.toBe(fixed);
    expect(first.headers.getSetCookie().join("\n")).not.toContain("lading_csrf=fixed");
    expect(await me(fixed)).toBe(401);
    expect(await me(firstId)).toBe(200);
    // Signing in again on a live session rotates it: the old id stops working.
    const { csrfToken } = await first.json();
    const second = await signIn(`lading_session=${firstId}`, csrfToken);
    expect(second.status).toBe(200);
    const secondId = sessionOf(second);
    expect(secondId).not.toBe(firstId);
    expect(await me(firstId)).toBe(401);
    expect(await me(secondId)).toBe(200);
    const out = await call(base, "POST", "/api/auth/logout", {
      session: secondId,
      csrf: (await second.json()).csrfToken,
    });
    expect(out.status).toBe(204);
    expect(await me(secondId)).toBe(401);
  });

  it("tells browsers not to sniff, frame or cache, on the UI and the API alike", async () => {
    for (const path of ["/", "/assets/app.js", "/api/health", "/api/auth/me", "/api/nope"]) {
      const { headers } = await rawRequest(base, "GET", path);
      expect([path, headers["x-content-type-options"]]).toEqual([path, "nosniff"]);
      expect([path, headers["x-frame-options"]]).toEqual([path, "DENY"]);
      expect([path, headers["content-security-policy"]]).toEqual([path, "frame-ancestors 'none'"]);
      expect([path, headers["referrer-policy"]]).toEqual([path, "no-referrer"]);
      const cache = path.startsWith("/api/") ? "no-store" : undefined;
      expect([path, headers["cache-control"]]).toEqual([path, cache]);
    }
  });

  it("serves static files only from inside the static dir", async () => {
    const get = (path: string) => rawRequest(base, "GET", path);
    expect((await get("/assets/app.js")).text).toContain("console.log");
    expect((await get("/projects/some-id")).text).toBe(index);
    for (const path of [
      "/api",
      "/api/",
      "/api/nonexistent",
      "/api/findings/x/y",
      "/assets/gone.js",
    ]) {
      const answer = await get(path);
      expect([answer.status, path]).toEqual([404, path]);
      expect(answer.text).not.toBe(index);
    }
    for (const path of [
      "/..%2f..%2f..%2fetc%2fpasswd",
      "/..%2F..%2Fetc/passwd",
      "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/assets/../../../etc/passwd",
      "/assets/%2e%2e/%2e%2e/etc/passwd",
      "/..\\..\\..\\etc\\passwd",
      "/%5c..%5c..%5cetc%5cpasswd",
      "//etc/passwd",
      "/%2fetc%2fpasswd",
      "/assets/app.js%00.png",
      "/leak.txt",
      "/out/secret.txt",
      "/out/",
    ]) {
      const answer = await get(path);
      // Node's HTTP parser itself refuses a raw backslash in the request line with a 400.
      expect([answer.status, path]).toEqual([path.includes("\\") ? 400 : 404, path]);
      expect(answer.text).not.toContain(secret);
      expect(answer.text).not.toContain("root:");
    }
  });
});
