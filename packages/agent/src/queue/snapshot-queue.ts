/**
 * Snapshots waiting for the server, one file each in the state dir, sent oldest first. A file
 * is removed only once the server acknowledged it, so neither a server outage nor an agent
 * restart loses one; a snapshot the server refuses for good is moved aside, not retried for ever.
 */
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeDurably } from "./durable-file.js";

/** One queued upload. */
export interface QueuedSnapshot {
  project: string;
  kind: "container" | "host" | "application";
  /** The image ID the SBOM describes. */
  imageId: string;
  /** When the agent queued it (ISO 8601). */
  queuedAt: string;
  sbom: string;
}

/** What a sender does with one snapshot: resolve when acknowledged, throw otherwise. */
export type SendSnapshot = (snapshot: QueuedSnapshot) => Promise<void>;

/** Tells a refusal (drop the snapshot aside) from an outage (stop and retry later). */
export type IsRefusal = (err: unknown) => boolean;

/** The on-disk queue: `queue/` holds waiting snapshots, `rejected/` the ones refused. */
export class SnapshotQueue {
  readonly #dir: string;
  readonly #rejected: string;
  #sequence = 0;

  constructor(stateDir: string) {
    this.#dir = join(stateDir, "queue");
    this.#rejected = join(stateDir, "rejected");
  }

  /** Adds a snapshot durably; resolves once it is on disk. */
  async push(snapshot: QueuedSnapshot): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    // Time first, then a counter: names sort in the order snapshots were queued, across restarts.
    const name = `${String(Date.now()).padStart(15, "0")}-${String(this.#sequence++).padStart(6, "0")}.json`;
    await writeDurably(join(this.#dir, name), JSON.stringify(snapshot));
  }

  /** Every waiting snapshot, oldest first. */
  async list(): Promise<{ name: string; snapshot: QueuedSnapshot }[]> {
    const names = await this.#names();
    const entries = await Promise.all(
      names.map(async (name) => ({ name, snapshot: await this.#read(name) })),
    );
    return entries.filter(
      (e): e is { name: string; snapshot: QueuedSnapshot } => e.snapshot !== undefined,
    );
  }

  /**
   * Sends waiting snapshots in order until the queue is empty or a send fails for a reason
   * other than refusal; returns how many were sent and how many remain.
   */
  async drain(send: SendSnapshot, isRefusal: IsRefusal): Promise<{ sent: number; left: number }> {
    const names = await this.#names();
    let sent = 0;
    for (const [i, name] of names.entries()) {
      const snapshot = await this.#read(name);
      if (snapshot) {
        try {
          await send(snapshot);
          sent++;
        } catch (err) {
          if (!isRefusal(err)) return { sent, left: names.length - i };
          await this.#reject(name);
          continue;
        }
      }
      await rm(join(this.#dir, name), { force: true });
    }
    return { sent, left: 0 };
  }

  async #names(): Promise<string[]> {
    const names = await readdir(this.#dir).catch(() => [] as string[]);
    return names.filter((n) => /^\d{15}-\d{6}\.json$/.test(n)).sort();
  }

  /** A file that does not parse (a disk fault) is moved aside rather than blocking the queue. */
  async #read(name: string): Promise<QueuedSnapshot | undefined> {
    try {
      return JSON.parse(await readFile(join(this.#dir, name), "utf8")) as QueuedSnapshot;
    } catch {
      await this.#reject(name);
      return undefined;
    }
  }

  async #reject(name: string): Promise<void> {
    await mkdir(this.#rejected, { recursive: true });
    await rename(join(this.#dir, name), join(this.#rejected, name)).catch(() => {});
  }
}
