/**
 * Splits a licence expression written as `(A) AND (B) AND ...`, the form Lading's SPDX writer
 * joins a package's several declared licences into, back into its parts; any other expression
 * is one licence. Only a split where every part is one balanced group is taken.
 */
export function splitJoinedExpression(expression: string): string[] {
  const parts = topLevelParts(expression.trim());
  const grouped = parts.length > 1 && parts.every((p) => p.startsWith("(") && p.endsWith(")"));
  return grouped ? parts.map((p) => p.slice(1, -1).trim()) : [expression.trim()];
}

function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    if (text[i] === ")") depth--;
    if (depth === 0 && text.startsWith(" AND ", i)) {
      parts.push(text.slice(start, i).trim());
      start = i + 5;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}
