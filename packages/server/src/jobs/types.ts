import type { Store } from "../db/store.js";
import type { ServerLogger } from "../log.js";

/** A job as a handler receives it. */
export interface Job {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Does the work of one job kind. Throwing makes the queue retry it, up to its attempt limit. */
export interface JobHandler {
  kind: string;
  run(job: Job, deps: { store: Store; log: ServerLogger }): Promise<void>;
}
