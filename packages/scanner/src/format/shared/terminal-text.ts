/**
 * Text for a terminal. Tables print what an image says about itself (package names, versions,
 * the distro's name), and an image is untrusted: an escape sequence in a `package.json` could
 * retitle the window, clear the screen or hide lines from whoever reads the table. Control
 * characters (C0, DEL, C1) and the bidirectional overrides that can reorder what
 * a reader sees are shown as escapes instead.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control or bidi-override character written as `\xNN` or `\u{NNNN}`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.codePointAt(0) as number;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
  });
}

/** How {@link alignColumns} lays out a table. */
export interface ColumnLayout {
  /** Columns padded on the left (numbers); the others are padded on the right. */
  right?: readonly number[];
  /** The column left unpadded (free text), the last one unless said otherwise. */
  ragged?: number;
}

/**
 * Pads each column to its widest cell, every cell made terminal-safe first, and trims the
 * trailing spaces of each line.
 * TODO: cells are padded by UTF-16 length, so a name with wide (CJK, emoji) characters pushes
 * its row out of line; package names and advisory ids read today are ASCII.
 */
export function alignColumns(rows: readonly string[][], layout: ColumnLayout = {}): string[] {
  const safe = rows.map((row) => row.map(terminalSafe));
  const widths: number[] = [];
  for (const row of safe) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  }
  const right = new Set(layout.right ?? []);
  return safe.map((row) => {
    const ragged = layout.ragged ?? row.length - 1;
    const pad = (cell: string, i: number) => {
      if (i === ragged) return cell;
      return right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
    };
    return row.map(pad).join("  ").trimEnd();
  });
}

/** Joins lines for a terminal, each made terminal-safe. */
export function terminalLines(lines: readonly string[]): string {
  return lines.map(terminalSafe).join("\n");
}
