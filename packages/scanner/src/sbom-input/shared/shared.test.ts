import { describe, expect, it } from "vitest";
import { parseSpdxActor } from "./contact.js";
import { splitJoinedExpression } from "./licenses.js";
import { Properties } from "./properties.js";
import { parseUnknownComment } from "./unknown-comment.js";

describe("splitJoinedExpression", () => {
  it.each([
    ["(MIT) AND (BSD-3-Clause OR GPL-2.0-only)", ["MIT", "BSD-3-Clause OR GPL-2.0-only"]],
    ["MIT AND Apache-2.0", ["MIT AND Apache-2.0"]],
    ["(MIT OR X11) AND Apache-2.0", ["(MIT OR X11) AND Apache-2.0"]],
    ["(BSD-3-Clause OR GPL-2.0)", ["(BSD-3-Clause OR GPL-2.0)"]],
  ])("%s", (expression, parts) => {
    expect(splitJoinedExpression(expression)).toEqual(parts);
  });
});

describe("parseSpdxActor", () => {
  it.each([
    ["Person: Jane Doe (jane.doe@example.com)", "Jane Doe <jane.doe@example.com>"],
    ["Organization: ExampleCodeInspect ()", "ExampleCodeInspect"],
    ["Person: Santiago Vila", "Santiago Vila"],
    ["NOASSERTION", undefined],
  ])("%s", (actor, contact) => {
    expect(parseSpdxActor(actor)).toBe(contact);
  });
});

describe("parseUnknownComment", () => {
  it("reads back what Lading's SPDX writer wrote, with either context part missing", () => {
    expect(
      parseUnknownComment("unknown: /a/b (layer sha256:1, cataloger dpkg): bad: record"),
    ).toEqual({
      path: "/a/b",
      layer: "sha256:1",
      cataloger: "dpkg",
      reason: "bad: record",
    });
    expect(parseUnknownComment("unknown: /a (cataloger npm): too big")).toEqual({
      path: "/a",
      cataloger: "npm",
      reason: "too big",
    });
    expect(parseUnknownComment("unknown: /a: too big")).toEqual({ path: "/a", reason: "too big" });
    expect(parseUnknownComment("reviewed by Jane")).toBeUndefined();
  });
});

describe("Properties", () => {
  it("groups indexed families in index order and ignores malformed entries", () => {
    const properties = new Properties([
      { name: "syft:location:1:path", value: "/b" },
      { name: "syft:location:0:path", value: "/a" },
      { name: "syft:location:0:layerID", value: "sha256:0" },
      { name: "broken" },
      null,
    ]);
    expect(properties.indexed("syft:location:")).toEqual([
      { path: "/a", layerID: "sha256:0" },
      { path: "/b" },
    ]);
  });
});
