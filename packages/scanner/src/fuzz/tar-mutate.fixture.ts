/**
 * Tar-aware damage. Byte edits to a tar header almost always break its checksum, and both tar
 * readers stop at a bad checksum, so random edits rarely reach the code behind it. These edits
 * write hostile values into header fields (sizes negative, huge or not numbers; odd type flags;
 * names that climb out) and then recompute every header's checksum, as a crafted archive would.
 */
import fc from "fast-check";
import { mutatedFrom } from "./mutate.fixture.js";

const BLOCK = 512;

/** A header field: offset and length in the 512-byte block. */
const fields = {
  name: [0, 100],
  mode: [100, 8],
  size: [124, 12],
  flag: [156, 1],
  linkname: [157, 100],
  prefix: [345, 155],
} as const;

const values: Record<keyof typeof fields, fc.Arbitrary<string>> = {
  name: fc.constantFrom(
    "../../etc/passwd",
    "/etc/shadow",
    "a/../../b",
    ".",
    "",
    "a\u0000b",
    "\u00ff\u00fe",
  ),
  mode: fc.constantFrom("7777777", "-1", "zzz"),
  size: fc.constantFrom("-2000", "-1", "77777777777", "99999999999", "abc", "", " 1 2", "0x10"),
  flag: fc.constantFrom("0", "1", "2", "3", "5", "7", "g", "x", "L", "K", "S", "V", "Z", "\u0000"),
  linkname: fc.constantFrom("../../../etc/passwd", "/proc/self/fd/0", "a", "", "./a/../../.."),
  prefix: fc.constantFrom("..", "/abs", "a/b"),
};

const fieldEdit = fc.record({
  block: fc.nat(),
  field: fc.constantFrom(...(Object.keys(fields) as (keyof typeof fields)[])),
  pick: fc.nat(),
});

/** Offsets of blocks that look like tar headers (ustar or GNU magic at byte 257). */
function headerBlocks(tar: Buffer): number[] {
  const found: number[] = [];
  for (let at = 0; at + BLOCK <= tar.length; at += BLOCK) {
    if (tar.toString("latin1", at + 257, at + 262) === "ustar") found.push(at);
  }
  return found;
}

function writeField(tar: Buffer, at: number, field: keyof typeof fields, text: string): void {
  const [offset, length] = fields[field];
  tar.fill(0, at + offset, at + offset + length);
  tar.write(text.slice(0, length), at + offset, "latin1");
}

/** Recomputes the checksum of every header, so each edit is seen past the checksum test. */
export function fixChecksums(tar: Buffer): Buffer {
  for (const at of headerBlocks(tar)) {
    tar.fill(0x20, at + 148, at + 156);
    let sum = 0;
    for (let i = at; i < at + BLOCK; i++) sum += tar[i] ?? 0;
    tar.write(`${sum.toString(8).padStart(6, "0")}\0 `, at + 148, "latin1");
  }
  return tar;
}

/** Seeds damaged byte-wise and field-wise, with checksums made right again. */
export function tarMutatedFrom(seeds: readonly Buffer[]): fc.Arbitrary<Buffer> {
  const edits = fc.array(
    fieldEdit.chain((e) => values[e.field].map((text) => ({ ...e, text }))),
    { maxLength: 4 },
  );
  return fc.tuple(mutatedFrom(seeds, 3), edits).map(([bytes, list]) => {
    const tar = Buffer.from(bytes);
    const blocks = headerBlocks(tar);
    for (const e of list) {
      const at = blocks[e.block % Math.max(1, blocks.length)];
      if (at !== undefined) writeField(tar, at, e.field, e.text);
    }
    return fixChecksums(tar);
  });
}
