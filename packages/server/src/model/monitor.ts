import { enqueue } from "../jobs/queue.js";
import type { JobHandler } from "../jobs/types.js";
import type { Matcher } from "../sbom/types.js";
import { latestReadySnapshots } from "./metrics.js";

/** `db-update`: refreshes the vulnerability data and, when it changed, re-matches everything. */
export function dbUpdateJob(matcher: Matcher): JobHandler {
  return {
    kind: "db-update",
    async run(_job, { store, log }) {
      const changed = await matcher.update();
      log.info({ changed }, "vulnerability data updated");
      if (changed) await enqueue(store.db, "rematch-all", {});
    },
  };
}

/** `rematch-all`: queues a re-match of every project's latest ready snapshot. */
export const rematchAllJob = {
  kind: "rematch-all",
  async run(_job, { store }) {
    const latest = await latestReadySnapshots(store, null).execute();
    await store.db.transaction().execute(async (trx) => {
      for (const s of latest)
        await enqueue(trx, "match-snapshot", { snapshotId: s.id, rematch: true });
    });
  },
} satisfies JobHandler;
