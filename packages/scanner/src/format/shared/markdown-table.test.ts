import { describe, expect, it } from "vitest";
import { markdownCode, markdownTable, markdownText } from "./markdown-table.js";

// A BuildKit heredoc step as an image's history records it: `<`, a backslash and a pipe.
const RUN_LINE = 'RUN /bin/sh -c cat <<EOF > /etc/x && printf "a\\nb" | tee /z';

describe("markdown tables", () => {
  it("keeps a code span literal: only the pipe is escaped, as GFM tables read it in a span", () => {
    expect(markdownCode(RUN_LINE)).toBe(
      '`RUN /bin/sh -c cat <<EOF > /etc/x && printf "a\\nb" \\| tee /z`',
    );
  });

  it("escapes plain text so that nothing in it becomes markup, a tag or a new cell", () => {
    expect(markdownText("a|b <img> c\\d\r\ne")).toBe("a\\|b &lt;img> c\\\\d e");
  });

  it("ends a code span neither at a backtick nor at a line break, and shows no empty span", () => {
    expect(markdownCode("echo `id`\nls")).toBe("`echo 'id' ls`");
    expect(markdownCode("")).toBe("");
  });

  it("joins prepared cells without escaping them twice", () => {
    const rows = [[markdownText("layer|0"), markdownCode(RUN_LINE)]];
    expect(markdownTable(["Side", "Created by"], rows).split("\n")).toEqual([
      "| Side | Created by |",
      "| --- | --- |",
      `| layer\\|0 | ${markdownCode(RUN_LINE)} |`,
    ]);
  });
});
