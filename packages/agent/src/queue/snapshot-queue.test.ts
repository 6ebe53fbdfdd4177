import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type QueuedSnapshot, SnapshotQueue } from "./snapshot-queue.js";
import { UploadState } from "./upload-state.js";

const snapshot = (project: string): QueuedSnapshot => ({
  project,
  kind: "container",
  imageId: `sha256:${project}`,
  queuedAt: new Date().toISOString(),
  sbom: `{"bomFormat":"CycloneDX","metadata":{"component":{"name":"${project}"}}}`,
});
const fresh = () => mkdtempSync(join(tmpdir(), "lading-agent-queue-"));

describe("snapshot queue", () => {
  it("sends in the order queued, across instances, and removes only what was sent", async () => {
    const dir = fresh();
    const first = new SnapshotQueue(dir);
    for (const p of ["a", "b", "c"]) await first.push(snapshot(p));
    const sent: string[] = [];
    const outage = new Error("server down");
    const result = await new SnapshotQueue(dir).drain(
      async (s) => {
        if (s.project === "b") throw outage;
        sent.push(s.project);
      },
      () => false,
    );
    expect(result).toEqual({ sent: 1, left: 2 });
    expect((await first.list()).map((e) => e.snapshot.project)).toEqual(["b", "c"]);
    await first.drain(
      async (s) => void sent.push(s.project),
      () => false,
    );
    expect(sent).toEqual(["a", "b", "c"]);
    expect(await first.list()).toEqual([]);
  });

  it("moves a refused snapshot aside and goes on", async () => {
    const dir = fresh();
    const queue = new SnapshotQueue(dir);
    for (const p of ["bad", "good"]) await queue.push(snapshot(p));
    const sent: string[] = [];
    const result = await queue.drain(
      async (s) => {
        if (s.project === "bad") throw new Error("422 not an SBOM");
        sent.push(s.project);
      },
      () => true,
    );
    expect(result).toEqual({ sent: 1, left: 0 });
    expect(sent).toEqual(["good"]);
    expect(readdirSync(join(dir, "rejected"))).toHaveLength(1);
  });

  it("moves a damaged file aside instead of blocking the queue", async () => {
    const dir = fresh();
    const queue = new SnapshotQueue(dir);
    await queue.push(snapshot("whole"));
    writeFileSync(join(dir, "queue", "000000000000001-000000.json"), '{"project":"tor');
    expect((await queue.list()).map((e) => e.snapshot.project)).toEqual(["whole"]);
    expect(readdirSync(join(dir, "rejected"))).toEqual(["000000000000001-000000.json"]);
  });
});

describe("upload state", () => {
  it("survives a restart and keeps the newest upload per project", async () => {
    const dir = fresh();
    const state = new UploadState(dir);
    await state.load();
    state.note("p", { imageId: "sha256:2", at: "2026-12-03T10:00:00.000Z" });
    state.note("p", { imageId: "sha256:1", at: "2026-12-03T09:00:00.000Z" });
    await state.save();
    const again = new UploadState(dir);
    await again.load();
    expect(again.get("p")).toEqual({ imageId: "sha256:2", at: "2026-12-03T10:00:00.000Z" });
  });

  it("starts empty from a damaged file", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "uploads.json"), "{not json");
    const state = new UploadState(dir);
    await state.load();
    expect(state.get("p")).toBeUndefined();
  });
});
