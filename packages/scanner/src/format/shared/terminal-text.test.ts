import { describe, expect, it } from "vitest";
import { alignColumns, terminalLines, terminalSafe } from "./terminal-text.js";

describe("terminalSafe", () => {
  it("shows escape sequences, line breaks and bidi overrides as escapes", () => {
    expect(terminalSafe("evil\u001b]0;owned\u0007name")).toBe("evil\\x1b]0;owned\\x07name");
    expect(terminalSafe("a\nb\rc\td")).toBe("a\\x0ab\\x0dc\\x09d");
    expect(terminalSafe("\u009b2J\u007f")).toBe("\\x9b2J\\x7f");
    expect(terminalSafe("abc\u202edcba")).toBe("abc\\u{202e}dcba");
    expect(terminalSafe("café ✓ 日本")).toBe("café ✓ 日本");
  });
});

describe("alignColumns", () => {
  it("pads to the widest safe cell, right-aligning the columns asked for", () => {
    const rows = [
      ["NAME", "SIZE", "NOTE"],
      ["x\u001b[2J", "7", "short"],
      ["longer", "1234", "text"],
    ];
    expect(alignColumns(rows, { right: [1] })).toEqual([
      "NAME      SIZE  NOTE",
      "x\\x1b[2J     7  short",
      "longer    1234  text",
    ]);
  });

  it("leaves the ragged column unpadded and trims trailing spaces", () => {
    expect(
      alignColumns([
        ["a", ""],
        ["bbb", "c"],
      ]),
    ).toEqual(["a", "bbb  c"]);
  });
});

describe("terminalLines", () => {
  it("joins lines, a line break inside one shown as an escape", () => {
    expect(terminalLines(["one", "two\nthree"])).toBe("one\ntwo\\x0athree");
  });
});
