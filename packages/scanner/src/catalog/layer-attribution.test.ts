import { describe, expect, it } from "vitest";
import { attributeLayers } from "./layer-attribution.js";
import { buildTree } from "./test-helpers.js";

const DB = "/var/lib/db";
const wantsDb = { wants: (path: string) => path === DB };
const keysOf = (content: Buffer) => {
  const text = content.toString("utf8");
  if (text === "garbage") throw new Error("unreadable");
  return new Set(text.split(" ").filter(Boolean));
};

/** A tree whose database is rewritten by each layer with the given content (null: untouched). */
function history(...contents: (string | null)[]) {
  return buildTree(
    contents.map((c) => (c === null ? {} : { files: { [DB]: c } })),
    wantsDb,
  );
}

describe("attributeLayers", () => {
  it("gives each key the oldest layer from which it is continuously present", () => {
    const tree = history("a b", "a b c", null, "a c d");
    expect(tree.versions(DB).map((v) => v.layerIndex)).toEqual([0, 1, 3]);
    const owners = attributeLayers(tree.versions(DB), keysOf);
    expect(Object.fromEntries(owners)).toEqual({ a: 0, c: 1, d: 3 });
  });

  it("restarts a key that went away and came back", () => {
    const owners = attributeLayers(history("a b", "b", "a b").versions(DB), keysOf);
    expect(Object.fromEntries(owners)).toEqual({ a: 2, b: 0 });
  });

  it("stops at a version it cannot read", () => {
    const owners = attributeLayers(history("a", "garbage", "a", "a").versions(DB), keysOf);
    expect(Object.fromEntries(owners)).toEqual({ a: 2 });
  });

  it("forgets the history when the file is deleted", () => {
    const tree = buildTree(
      [{ files: { [DB]: "a" } }, { whiteouts: [DB] }, { files: { [DB]: "a" } }],
      wantsDb,
    );
    expect(Object.fromEntries(attributeLayers(tree.versions(DB), keysOf))).toEqual({ a: 2 });
  });

  it("forgets the history when a rewrite's bytes were not kept", () => {
    const tree = buildTree([{ files: { [DB]: "a" } }], wantsDb);
    tree.applyLayer({
      layerIndex: 1,
      entries: [{ path: DB, type: "file", size: 1 << 30, mode: 0o644 }],
      whiteouts: [],
      opaqueDirs: [],
      captured: new Map(),
      unknowns: [],
      bytes: 0,
    });
    expect(tree.versions(DB)).toEqual([]);
    expect(tree.read(DB)).toBeUndefined();
  });

  it("takes the newest keys from the caller when given", () => {
    const owners = attributeLayers(history("a", "a b").versions(DB), keysOf, ["a"]);
    expect(Object.fromEntries(owners)).toEqual({ a: 0 });
  });
});
