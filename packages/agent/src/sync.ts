/**
 * One pass of the agent: take the inventory, tell the server (heartbeat), queue a snapshot for
 * each project whose image changed, was asked for, or is due, then send what is queued.
 */
import type { Logger } from "@lading/scanner";
import type { AgentConfig } from "./config/agent-config.js";
import type { HostFacts } from "./engine/engine-facts.js";
import { ServerRefusedError } from "./errors.js";
import type { ScanImage } from "./image-scanner.js";
import type { Workload } from "./inventory.js";
import type { SnapshotQueue } from "./queue/snapshot-queue.js";
import type { UploadState } from "./queue/upload-state.js";
import { sendHeartbeat, uploadSnapshot } from "./server/client.js";

/** What a pass needs. */
export interface SyncContext {
  config: AgentConfig;
  host: string;
  facts: HostFacts;
  queue: SnapshotQueue;
  state: UploadState;
  scanImage: ScanImage;
  logger: Logger;
}

/** What a pass did. */
export interface SyncReport {
  containers: number;
  queued: number;
  sent: number;
  /** Snapshots still waiting for the server. */
  left: number;
}

/** Sends a heartbeat for the workloads; answers the paths to rescan, or none when it fails. */
export async function heartbeat(ctx: SyncContext, workloads: Workload[]): Promise<Set<string>> {
  try {
    const answer = await sendHeartbeat(ctx.config.serverUrl, ctx.config.token, {
      host: ctx.host,
      facts: { ...ctx.facts },
      intervalSeconds: Math.max(1, Math.round(ctx.config.heartbeatIntervalMs / 1000)),
      containers: workloads.map((w) => ({ path: w.path, labels: w.labels })),
    });
    return new Set(answer.rescan);
  } catch (err) {
    ctx.logger.warn({ err: (err as Error).message }, "heartbeat failed");
    return new Set();
  }
}

/** Queues the snapshots that are due; returns how many. */
export async function queueDue(ctx: SyncContext, workloads: Workload[], rescan: Set<string>) {
  let queued = 0;
  for (const w of workloads) {
    const reason = dueReason(ctx, w, rescan);
    if (!reason) continue;
    const sbom = await ctx.scanImage(w.container.imageId).catch((err: Error) => {
      ctx.logger.warn(
        { image: w.container.imageId, path: w.path, err: err.message },
        "scan failed",
      );
      return undefined;
    });
    if (sbom === undefined) continue;
    const queuedAt = new Date().toISOString();
    await ctx.queue.push({
      project: w.path,
      kind: "container",
      imageId: w.container.imageId,
      queuedAt,
      sbom,
    });
    ctx.state.note(w.path, { imageId: w.container.imageId, at: queuedAt });
    ctx.logger.info({ path: w.path, image: w.container.imageId, reason }, "snapshot queued");
    queued++;
  }
  if (queued > 0) await ctx.state.save();
  return queued;
}

function dueReason(ctx: SyncContext, w: Workload, rescan: Set<string>): string | undefined {
  const last = ctx.state.get(w.path);
  if (!last) return "new";
  if (last.imageId !== w.container.imageId) return "image changed";
  if (rescan.has(w.path)) return "rescan requested";
  if (Date.now() - Date.parse(last.at) >= ctx.config.uploadIntervalMs) return "interval";
  return undefined;
}

/** Sends queued snapshots in order; stops at the first outage and leaves the rest queued. */
export async function sendQueued(ctx: SyncContext): Promise<{ sent: number; left: number }> {
  const { serverUrl, token } = ctx.config;
  const result = await ctx.queue.drain(
    async (s) => {
      const answer = await uploadSnapshot(serverUrl, token, s.project, s.sbom, s.kind);
      ctx.logger.info({ path: s.project, image: s.imageId, snapshot: answer.id }, "snapshot sent");
    },
    (err) => {
      // A bad or revoked token is the operator's to fix; the snapshots wait for the new one.
      if (!(err instanceof ServerRefusedError) || err.status === 401 || err.status === 403)
        return false;
      ctx.logger.warn({ err: err.message }, "server refused a snapshot; kept in rejected/");
      return true;
    },
  );
  if (result.left > 0)
    ctx.logger.warn({ left: result.left }, "server unavailable; snapshots stay queued");
  return result;
}
