/**
 * GitHub-flavoured markdown tables whose cells carry what an image says about itself (a layer's
 * `RUN` line, package names, versions). Plain text and inline code need different escapes: a code
 * span shows its content literally, so `\\` or `&lt;` inside one would be printed as written,
 * while a table splits cells at `|` even inside a code span unless it is written `\|`
 * (GFM 0.29, https://github.github.com/gfm/#tables-extension-: "including inside other inline
 * spans").
 */

/** `text` as a table cell's plain text: no `|`, markup, HTML tag or line break can leak out. */
export function markdownText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/\r?\n/g, " ");
}

/**
 * `text` as inline code in a table cell; the empty string is no span at all. A backtick, which
 * would end the span, is shown as `'`.
 */
export function markdownCode(text: string): string {
  if (text === "") return "";
  return `\`${text.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\r?\n/g, " ")}\``;
}

/**
 * A table from a header and rows whose cells are already made safe by {@link markdownText} or
 * {@link markdownCode} (or joined from several such pieces).
 */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const rule = `|${header.map(() => " --- |").join("")}`;
  return [line(header.map(markdownText)), rule, ...rows.map(line)].join("\n");
}
