import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { severityRank } from "../routes/common.js";
import { tempDir } from "../test-harness/fixtures.js";
import { backends, startPostgres, type TestPostgres } from "../test-harness/postgres.js";
import { paginate } from "./paginate.js";
import { openStore, type Store } from "./store.js";

const user = (id: string, role: "admin" | "member" | "viewer", day: number) => ({
  id,
  username: `name-${id}`,
  password_hash: "x",
  role,
  created_at: `2026-01-0${day}T00:00:00.000Z`,
  disabled: 0,
});
const hook = (id: string, severity: string) => ({
  id,
  url: `http://127.0.0.1:9/${id}`,
  secret: "s".repeat(16),
  min_severity: severity,
  created_at: "2026-01-01T00:00:00.000Z",
});

describe.each(backends())("paginate on %s", (backend) => {
  let store: Store;
  let cluster: TestPostgres | undefined;
  const users = (store: Store) => store.db.selectFrom("users").where("role", "=", "viewer");
  const spec = {
    select: (q: ReturnType<typeof users>) => q.select(["id"]),
    orderBy: { createdAt: "created_at", roleThenName: ["role", "username"] },
    tiebreak: ["id"],
  } as const;
  const ids = (page: { items: { id: string }[] }) => page.items.map((r) => r.id);

  beforeAll(async () => {
    if (backend === "postgres") cluster = await startPostgres();
    const databaseUrl = await cluster?.createDatabase("paginate");
    store = await openStore({ dataDir: tempDir("paginate"), databaseUrl });
    await store.db
      .insertInto("users")
      .values([
        user("u1", "admin", 1),
        user("u3", "viewer", 2),
        user("u2", "viewer", 2),
        user("u4", "member", 3),
        user("u5", "viewer", 4),
      ])
      .execute();
    const severities = ["low", "critical", "unknown", "medium", "high"];
    await store.db
      .insertInto("webhooks")
      .values(severities.map((s, i) => hook(`w${i}`, s)))
      .execute();
  });
  afterAll(async () => {
    await store?.close();
    cluster?.stop();
  });

  it("counts what the filters match and reads one page, ties broken by id", async () => {
    const request = { limit: 2, offset: 0, sort: "createdAt", order: "asc" } as const;
    const first = await paginate(users(store), request, spec);
    expect(first).toEqual({ items: [{ id: "u2" }, { id: "u3" }], total: 3, limit: 2, offset: 0 });
    const second = await paginate(users(store), { ...request, offset: 2 }, spec);
    expect(ids(second)).toEqual(["u5"]);
    const past = await paginate(users(store), { ...request, offset: 9 }, spec);
    expect([past.items, past.total]).toEqual([[], 3]);
  });

  it("flips the sort but not the tie-break, and sorts by each expression of a key", async () => {
    const desc = { limit: 50, offset: 0, sort: "createdAt", order: "desc" } as const;
    expect(ids(await paginate(users(store), desc, spec))).toEqual(["u5", "u2", "u3"]);
    const all = store.db.selectFrom("users");
    const both = { ...desc, sort: "roleThenName", order: "asc" } as const;
    const page = await paginate(all, both, { ...spec, select: (q) => q.select(["id"]) });
    expect(ids(page)).toEqual(["u1", "u4", "u2", "u3", "u5"]);
  });

  it("sorts severities by rank, worst first descending", async () => {
    const hooks = store.db.selectFrom("webhooks");
    const bySeverity = {
      select: (q: typeof hooks) => q.select(["min_severity as severity"]),
      orderBy: { severity: severityRank("min_severity") },
    };
    const request = { limit: 50, offset: 0, sort: "severity", order: "desc" } as const;
    const desc = await paginate(hooks, request, bySeverity);
    const worstFirst = ["critical", "high", "medium", "low", "unknown"];
    expect(desc.items.map((r) => r.severity)).toEqual(worstFirst);
    const asc = await paginate(hooks, { ...request, order: "asc" }, bySeverity);
    expect(asc.items.map((r) => r.severity)).toEqual([...worstFirst].reverse());
  });
});
