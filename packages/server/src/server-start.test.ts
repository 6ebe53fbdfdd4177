/**
 * A server that cannot bind its port fails before its worker takes a job: otherwise the job
 * stays leased by a process that is gone, and the next start waits out the lease to run it.
 */
import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig } from "./config.js";
import { openStore } from "./db/store.js";
import { enqueue } from "./jobs/queue.js";
import { startServer } from "./server.js";
import { tempDir } from "./test-harness/fixtures.js";

let taken: Server;
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

describe("startServer on a port already taken", () => {
  it("fails with the bind error and leaves queued jobs unclaimed", async () => {
    taken = createServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, "127.0.0.1", () => resolve((taken.address() as { port: number }).port)),
    );
    const config = defaultConfig({
      port,
      dataDir: tempDir("start-taken"),
      vulnDbDir: tempDir("start-taken-db"),
      vulnDbSources: [],
      dbUpdateIntervalMs: 0,
      logLevel: "silent",
    });
    const store = await openStore(config);
    const job = await enqueue(store.db, "notify-findings", { snapshotId: "none" });
    await store.close();
    await expect(startServer(config)).rejects.toThrow(/EADDRINUSE/);
    const after = await openStore(config);
    const row = await after.db
      .selectFrom("jobs")
      .select(["state", "locked_by"])
      .where("id", "=", job)
      .executeTakeFirstOrThrow();
    await after.close();
    expect(row).toEqual({ state: "queued", locked_by: null });
  });
});
