import { describe, expect, it } from "vitest";
import { buildTree } from "./tree";

const node = (id: string, parentId: string | null, kind: string) => ({
  id,
  parentId,
  name: id,
  path: id,
  kind,
});
const counts = (critical: number, high: number) => ({
  critical,
  high,
  medium: 0,
  low: 0,
  unknown: 0,
});

// The order GET /api/severities serves; sums do not depend on it.
const severities = ["critical", "high", "medium", "low", "unknown"] as const;

describe("buildTree", () => {
  it("nests containers under hosts and sums each branch's counts", () => {
    const roots = buildTree(
      [
        node("prod", null, "group"),
        node("web-02", "prod", "host"),
        node("web-01", "prod", "host"),
        node("nginx", "web-01", "container"),
        node("api", "web-01", "container"),
        node("db", "web-02", "container"),
      ],
      new Map([
        ["nginx", counts(1, 2)],
        ["api", counts(0, 3)],
        ["db", counts(2, 0)],
      ]),
      severities,
    );
    expect(roots.map((r) => r.id)).toEqual(["prod"]);
    expect(roots[0].counts).toMatchObject({ critical: 3, high: 5 });
    const [web01, web02] = roots[0].children;
    expect([web01.id, web02.id]).toEqual(["web-01", "web-02"]);
    expect(web01.children.map((c) => c.id)).toEqual(["api", "nginx"]);
    expect(web01.counts).toMatchObject({ critical: 1, high: 5 });
    expect(web02.counts).toMatchObject({ critical: 2, high: 0 });
  });

  it("makes a node whose parent is out of view a root", () => {
    const roots = buildTree([node("orphan", "hidden", "container")], new Map(), severities);
    expect(roots.map((r) => [r.id, r.counts.critical])).toEqual([["orphan", 0]]);
  });
});
