/** Starts the whole server: database, first admin, job worker, schedule and HTTP listener. */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { createLoginLimiter } from "./auth/rate-limit.js";
import { prepareAdmin } from "./auth/setup.js";
import { baseUrl, type ServerConfig } from "./config.js";
import { openStore } from "./db/store.js";
import { now } from "./ids.js";
import { enqueue } from "./jobs/queue.js";
import type { JobHandler } from "./jobs/types.js";
import { startWorker } from "./jobs/worker.js";
import { createLogger } from "./log.js";
import { matchSnapshotJob } from "./model/match-snapshot.js";
import { dbUpdateJob, rematchAllJob } from "./model/monitor.js";
import { deliverWebhookJob, notifyFindingsJob } from "./model/notify.js";
import { eolDataSource } from "./model/outdated.js";
import { createRecentReads } from "./model/recent-reads.js";
import { scannerReader } from "./sbom/scanner-port.js";
import type { Matcher, SbomReader } from "./sbom/types.js";
import { vulnDbMatcher } from "./sbom/vulndb-matcher.js";

/** Replaceable parts, for embedding and tests. */
export interface ServerParts {
  reader?: SbomReader;
  matcher?: Matcher;
}

/** A running server. */
export interface RunningServer {
  url: string;
  /** Present on the first start without LADING_ADMIN_PASSWORD: open it to create the admin. */
  setupUrl?: string;
  close(): Promise<void>;
}

/** Starts the server and resolves once it listens. */
export async function startServer(
  config: ServerConfig,
  parts: ServerParts = {},
): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const store = await openStore(config);
  const reader = parts.reader ?? scannerReader;
  const matcher =
    parts.matcher ?? vulnDbMatcher({ dir: config.vulnDbDir, sources: config.vulnDbSources, log });
  const setupToken = await prepareAdmin(store, config.adminPassword);
  const reads = createRecentReads();
  const handlers: JobHandler[] = [
    matchSnapshotJob(reader, matcher, eolDataSource(config.vulnDbDir), reads),
    notifyFindingsJob,
    deliverWebhookJob,
    dbUpdateJob(matcher),
    rematchAllJob,
  ];
  const limiter = createLoginLimiter({ max: 5, windowMs: 60_000 });
  const deps = { store, log, config, reader, matcher, limiter, reads };
  // The worker starts once the port is bound: a server that cannot listen (the port taken) must
  // not have leased a job first, or the next start waits out the lease before that job runs.
  let wakeWorker = () => {};
  const app = createApp({ ...deps, wake: () => wakeWorker() });
  const http = await listen(app.fetch, config).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  const worker = startWorker({
    store,
    log,
    handlers,
    leaseMs: config.jobLeaseMs,
    onFinalFailure: async (job, error) => {
      if (job.kind !== "match-snapshot") return;
      const { snapshotId } = JSON.parse(job.payload) as { snapshotId: string };
      const reason = error instanceof Error ? error.message : String(error);
      await store.db
        .updateTable("snapshots")
        .set({ state: "failed", failure_reason: reason, processed_at: now() })
        .where("id", "=", snapshotId)
        .where("state", "=", "processing")
        .execute();
    },
  });
  wakeWorker = worker.wake;
  const schedule =
    config.dbUpdateIntervalMs > 0
      ? setInterval(
          () => void enqueue(store.db, "db-update", {}, { maxAttempts: 3 }).then(worker.wake),
          config.dbUpdateIntervalMs,
        )
      : undefined;
  const url = baseUrl(config, http.port);
  const setupUrl = setupToken ? `${url}/setup?token=${setupToken}` : undefined;
  log.info({ url, database: store.dialect }, "lading server listening");
  return {
    url,
    setupUrl,
    async close() {
      clearInterval(schedule);
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
      // Idle keep-alive connections would otherwise hold the listener open.
      if ("closeAllConnections" in http.server) http.server.closeAllConnections();
      await closed;
      await worker.stop();
      await store.close();
    },
  };
}

function listen(fetch: Parameters<typeof serve>[0]["fetch"], config: ServerConfig) {
  return new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const server = serve({ fetch, hostname: config.host, port: config.port }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once("error", reject);
    // Longer than clients' idle timeouts, so a client never reuses a socket the server is closing.
    if ("keepAliveTimeout" in server) server.keepAliveTimeout = 65_000;
  });
}
