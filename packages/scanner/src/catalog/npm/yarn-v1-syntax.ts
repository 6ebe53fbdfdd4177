/**
 * Yarn 1's own lockfile syntax: `key:` opens a block, two-space indentation nests it, and
 * `key value` (value quoted or bare) sets a field. Keys may list several descriptors
 * separated by commas. https://classic.yarnpkg.com/lang/en/docs/yarn-lock/
 */
export type YarnBlock = Map<string, string | YarnBlock>;

/** Parses the text into nested blocks; a line that fits no rule is an error naming its number. */
export function parseYarnV1(text: string): YarnBlock {
  const root: YarnBlock = new Map();
  const stack: { indent: number; block: YarnBlock }[] = [{ indent: -1, block: root }];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    const indent = line.length - line.trimStart().length;
    while (indent <= (stack[stack.length - 1]?.indent ?? -1)) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent === undefined) throw new Error(`line ${i + 1}: indentation out of place`);
    const body = line.trim();
    if (body.endsWith(":")) {
      const block: YarnBlock = new Map();
      parent.block.set(unquoteKey(body.slice(0, -1)), block);
      stack.push({ indent, block });
      return;
    }
    const field = /^("(?:[^"\\]|\\.)*"|[^\s"]+)\s+(.+)$/.exec(body);
    if (field === null) throw new Error(`line ${i + 1}: cannot read "${body.slice(0, 60)}"`);
    parent.block.set(unquote(field[1] as string), unquote(field[2] as string));
  });
  return root;
}

/** A block key may list several descriptors, each quoted or not: `"a@^1", a@^1.2:`. */
function unquoteKey(text: string): string {
  return text.split(/,\s*/).map(unquote).join(", ");
}

function unquote(text: string): string {
  const t = text.trim();
  return t.startsWith('"') && t.endsWith('"') && t.length >= 2 ? (JSON.parse(t) as string) : t;
}
