import { randomUUID } from "node:crypto";
import type { JobsTable } from "../db/schema.js";
import type { Store } from "../db/store.js";
import type { ServerLogger } from "../log.js";
import { claim, complete, fail, heartbeat } from "./queue.js";
import type { JobHandler } from "./types.js";

/** Options of the job worker loop. */
export interface WorkerOptions {
  store: Store;
  log: ServerLogger;
  handlers: readonly JobHandler[];
  leaseMs: number;
  /** Wait between polls of an empty queue. */
  idleMs?: number;
  /** Called when a job fails for good (after its last attempt). */
  onFinalFailure?: (job: JobsTable, error: unknown) => Promise<void>;
}

/** Runs jobs one at a time until stopped; `wake()` skips the idle wait after an enqueue. */
export function startWorker(options: WorkerOptions) {
  const name = `worker-${randomUUID()}`;
  let running = true;
  let wakeUp: (() => void) | undefined;
  const loop = async () => {
    while (running) {
      const worked = await runOne(options, name).catch((error: unknown) => {
        options.log.error({ err: error }, "job loop error");
        return false;
      });
      if (!worked && running) await idle(options.idleMs ?? 500, (wake) => (wakeUp = wake));
    }
  };
  const done = loop();
  return {
    wake: () => wakeUp?.(),
    stop: async () => {
      running = false;
      wakeUp?.();
      await done;
    },
  };
}

function idle(ms: number, register: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    register(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function runOne(options: WorkerOptions, name: string): Promise<boolean> {
  const { store, log } = options;
  const job = await claim(store, name, options.leaseMs);
  if (!job) return false;
  const handler = options.handlers.find((h) => h.kind === job.kind);
  const beat = setInterval(() => void heartbeat(store, job.id, name), options.leaseMs / 3);
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const payload = JSON.parse(job.payload) as Record<string, unknown>;
    await handler.run({ id: job.id, kind: job.kind, payload, attempts: job.attempts }, options);
    await complete(store, job.id);
    log.debug({ job: job.id, kind: job.kind }, "job done");
  } catch (error) {
    const final = await fail(store, job, error);
    log.warn({ job: job.id, kind: job.kind, err: error, final }, "job failed");
    if (final) await options.onFinalFailure?.(job, error);
  } finally {
    clearInterval(beat);
  }
  return true;
}
