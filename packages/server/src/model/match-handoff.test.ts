/**
 * The match job takes the result the upload read, when the same process runs both, and reads
 * the stored SBOM again only when it has none (a re-match, a retry, a restart).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../db/store.js";
import { createLogger } from "../log.js";
import { scannerReader } from "../sbom/scanner-port.js";
import type { SbomReader } from "../sbom/types.js";
import { vulnDbMatcher } from "../sbom/vulndb-matcher.js";
import { fixture, fixturePath, importAdvisories, tempDir } from "../test-harness/fixtures.js";
import { matchSnapshotJob } from "./match-snapshot.js";
import { eolDataSource } from "./outdated.js";
import { receiveSbom } from "./receive-sbom.js";
import { createRecentReads } from "./recent-reads.js";

describe("upload to match job hand-off", () => {
  let store: Store;
  const log = createLogger("silent");
  const vulnDb = tempDir("handoff-db");
  let reads = 0;
  const reader: SbomReader = {
    read: (...args) => {
      reads += 1;
      return scannerReader.read(...args);
    },
  };

  beforeAll(async () => {
    importAdvisories(vulnDb, fixturePath("advisories-first"));
    store = await openStore({ dataDir: tempDir("handoff") });
  });
  afterAll(() => store?.close());

  it("matches the upload's own result, then the stored copy on a re-match", async () => {
    const recent = createRecentReads();
    const matcher = vulnDbMatcher({ dir: vulnDb, sources: [], log });
    const job = matchSnapshotJob(reader, matcher, eolDataSource(vulnDb), recent);
    const target = { projectPath: "prod/app", kind: "application" as const, mayCreate: true };
    const text = fixture("syft-dir-coverage.cdx.json");
    const { id } = await receiveSbom(store, reader, target, text, recent);
    const run = () =>
      job.run(
        { id: "j", kind: job.kind, payload: { snapshotId: id }, attempts: 1 },
        { store, log },
      );
    const findings = () =>
      store.db
        .selectFrom("findings")
        .select("vulnerability_id")
        .where("snapshot_id", "=", id)
        .execute();

    await run();
    expect(reads).toBe(1);
    expect(await findings()).toEqual([{ vulnerability_id: "CVE-2020-15250" }]);
    await run();
    expect(reads).toBe(2);
    expect(await findings()).toEqual([{ vulnerability_id: "CVE-2020-15250" }]);
  });
});
