import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeEntryPath } from "./paths.js";

/** The rule spelled out the slow way: fold `.` and empty parts, pop on `..`, refuse the climb. */
function reference(name: string): string | null {
  const parts: string[] = [];
  for (const part of name.split("/")) {
    if (part === "" || part === ".") continue;
    if (part !== "..") parts.push(part);
    else if (parts.pop() === undefined) return null;
  }
  return `/${parts.join("/")}`;
}

describe("normalizeEntryPath", () => {
  it("folds the names tar writers produce into absolute image paths", () => {
    const cases: [string, string | null][] = [
      ["usr/bin/env", "/usr/bin/env"],
      ["./usr/bin/env", "/usr/bin/env"],
      ["/usr/bin/env", "/usr/bin/env"],
      ["etc/", "/etc"],
      ["./", "/"],
      [".", "/"],
      ["", "/"],
      ["//etc//passwd", "/etc/passwd"],
      ["a/./b/../c", "/a/c"],
      [".hidden/x", "/.hidden/x"],
      ["usr/.wh.gone", "/usr/.wh.gone"],
      ["../etc/passwd", null],
      ["a/../../etc", null],
      ["./../x", null],
      ["a/..", "/"],
    ];
    for (const [name, expected] of cases) expect(normalizeEntryPath(name), name).toBe(expected);
  });

  it("agrees with the general rule on any name made of path-like parts", () => {
    const part = fc.constantFrom("", ".", "..", "a", "bin", ".wh.x", "..x", ".x.", "x..");
    const name = fc.array(part, { maxLength: 6 }).map((parts) => parts.join("/"));
    const prefixed = fc.tuple(fc.constantFrom("", "/", "./", "//"), name).map(([p, n]) => p + n);
    fc.assert(fc.property(prefixed, (n) => normalizeEntryPath(n) === reference(n)));
  });
});
