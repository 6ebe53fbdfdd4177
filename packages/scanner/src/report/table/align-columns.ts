const GAP = "  ";

/**
 * Pads each column to its widest cell; the last column is not padded, so lines carry no
 * trailing spaces.
 */
// TODO: cells are padded by UTF-16 length, so a name with wide (CJK, emoji) characters pushes
// its row out of line; package names and advisory ids read today are ASCII.
export function alignColumns(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map((r) =>
    r.map((cell, col) => (col < r.length - 1 ? cell.padEnd(widths[col]) : cell)).join(GAP),
  );
}
