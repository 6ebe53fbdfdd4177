/**
 * The agent's lifecycle: check the engine, then react to its events, resync on a timer, send a
 * heartbeat on another, and drain the queue whenever the server may be back.
 */
import { join } from "node:path";
import type { Logger } from "@lading/scanner";
import type { AgentConfig } from "./config/agent-config.js";
import { defaultEngineUrl, type EngineEndpoint, parseEngineUrl } from "./engine/endpoint.js";
import { readHostFacts } from "./engine/engine-facts.js";
import { type EngineEvent, followEvents, sleep } from "./engine/event-stream.js";
import { createImageScanner } from "./image-scanner.js";
import { takeInventory, type Workload } from "./inventory.js";
import { hostPath } from "./naming.js";
import { SnapshotQueue } from "./queue/snapshot-queue.js";
import { UploadState } from "./queue/upload-state.js";
import { heartbeat, queueDue, type SyncContext, type SyncReport, sendQueued } from "./sync.js";

/** Events arriving within this window are handled by one resync. */
const DEBOUNCE_MS = 250;

/** Options besides the configuration. */
export interface AgentOptions {
  logger: Logger;
  toolVersion: string;
}

/** A running (or one-shot) agent for one engine and one server. */
export class Agent {
  readonly #config: AgentConfig;
  readonly #options: AgentOptions;
  readonly #endpoint: EngineEndpoint;
  readonly #stop = new AbortController();
  #context?: SyncContext;
  #workloads: Workload[] = [];
  #syncing?: Promise<SyncReport | undefined>;
  #pending = false;
  #debounce?: NodeJS.Timeout;
  #loops: Promise<void>[] = [];

  constructor(config: AgentConfig, options: AgentOptions) {
    this.#config = config;
    this.#options = options;
    this.#endpoint = parseEngineUrl(config.engineUrl ?? defaultEngineUrl());
  }

  /** Scans everything, uploads what is due, and returns what it did (for `--once`). */
  async runOnce(): Promise<SyncReport> {
    await this.#prepare();
    return (await this.sync()) as SyncReport;
  }

  /** Starts watching; resolves once the first pass is done. Throws when no engine answers. */
  async start(): Promise<SyncReport> {
    await this.#prepare();
    const { resyncIntervalMs, heartbeatIntervalMs } = this.#config;
    this.#loops.push(
      followEvents(
        this.#endpoint,
        { onEvent: (e) => this.#onEvent(e), onConnect: () => this.#schedule("engine connected") },
        {
          signal: this.#stop.signal,
          logger: this.#options.logger,
          backoff: { firstMs: 500, maxMs: 30_000 },
        },
      ),
      this.#every(resyncIntervalMs, () => this.#schedule("periodic resync")),
      this.#every(heartbeatIntervalMs, () => this.#beat()),
    );
    return (await this.sync()) as SyncReport;
  }

  /** Stops the loops and waits for a pass in progress, so nothing is left half-queued. */
  async stop(): Promise<void> {
    this.#stop.abort();
    clearTimeout(this.#debounce);
    await Promise.all(this.#loops);
    await this.#syncing;
  }

  /** One pass now; a pass asked for while one runs is run once more right after it. */
  sync(): Promise<SyncReport | undefined> {
    if (this.#syncing) {
      this.#pending = true;
      return this.#syncing;
    }
    this.#syncing = this.#syncLoop().finally(() => {
      this.#syncing = undefined;
    });
    return this.#syncing;
  }

  async #syncLoop(): Promise<SyncReport | undefined> {
    let report: SyncReport | undefined;
    do {
      this.#pending = false;
      report = await this.#syncPass().catch((err: Error) => {
        this.#options.logger.warn({ err: err.message }, "sync failed");
        return undefined;
      });
    } while (this.#pending && !this.#stop.signal.aborted);
    return report;
  }

  async #syncPass(): Promise<SyncReport> {
    const ctx = this.#context as SyncContext;
    const workloads = await takeInventory(this.#endpoint, ctx.host);
    this.#workloads = workloads;
    const rescan = await heartbeat(ctx, workloads);
    const queued = await queueDue(ctx, workloads, rescan);
    const { sent, left } = await sendQueued(ctx);
    this.#options.logger.info({ containers: workloads.length, queued, sent, left }, "sync done");
    return { containers: workloads.length, queued, sent, left };
  }

  /** Heartbeat with what the last pass saw; a rescan request or a waiting queue starts a pass. */
  async #beat(): Promise<void> {
    const ctx = this.#context as SyncContext;
    const rescan = await heartbeat(ctx, this.#workloads);
    const waiting = (await ctx.queue.list()).length > 0;
    if (rescan.size > 0 || waiting)
      this.#schedule(rescan.size > 0 ? "rescan requested" : "queue waiting");
  }

  #onEvent(event: EngineEvent): void {
    this.#options.logger.debug(
      { type: event.type, action: event.action, id: event.id },
      "engine event",
    );
    this.#schedule(`${event.type} ${event.action}`);
  }

  #schedule(reason: string): void {
    if (this.#stop.signal.aborted) return;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => {
      this.#options.logger.debug({ reason }, "sync scheduled");
      void this.sync();
    }, DEBOUNCE_MS);
  }

  async #every(ms: number, tick: () => unknown): Promise<void> {
    while (!this.#stop.signal.aborted) {
      await sleep(ms, this.#stop.signal);
      if (!this.#stop.signal.aborted) await tick();
    }
  }

  /** Checks the engine, reads host facts, loads what survived the last run. */
  async #prepare(): Promise<void> {
    const config = this.#config;
    const facts = await readHostFacts(this.#endpoint);
    const queue = new SnapshotQueue(config.stateDir);
    const state = new UploadState(config.stateDir);
    await state.load();
    // A snapshot queued just before a crash may be missing from the state file; the queue knows.
    for (const { snapshot } of await queue.list())
      state.note(snapshot.project, { imageId: snapshot.imageId, at: snapshot.queuedAt });
    const scanImage = createImageScanner({
      engineUrl: this.#endpoint.url,
      layerCacheDir: join(config.stateDir, "layers"),
      toolVersion: this.#options.toolVersion,
      logger: this.#options.logger,
    });
    const host = hostPath(config.hostName ?? facts.hostname, config.projectPrefix);
    this.#context = { config, host, facts, queue, state, scanImage, logger: this.#options.logger };
    this.#options.logger.info({ facts, endpoint: this.#endpoint.url, host }, "agent ready");
  }
}
