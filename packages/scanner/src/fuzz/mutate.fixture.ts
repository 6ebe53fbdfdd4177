/**
 * Hostile variants of real files: fast-check arbitraries that take a seed from the corpus and
 * damage it the ways files get damaged or crafted (bit flips, bytes set to boundary values,
 * truncation, a splice from another seed, a repeated or deleted run of bytes, inserted noise).
 * Shrinking keeps the failing seed and removes mutations, so a failure reduces to few edits.
 */
import fc from "fast-check";

/** One edit, placed by a fraction of the length so it applies to any buffer. */
type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "set"; at: number; value: number }
  | { kind: "truncate"; at: number }
  | { kind: "splice"; at: number; from: number; start: number; length: number }
  | { kind: "repeat"; at: number; length: number; times: number }
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; bytes: Uint8Array };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const boundary = fc.constantFrom(0x00, 0x01, 0x20, 0x2f, 0x7f, 0x80, 0xfe, 0xff);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("flip"), at: fraction, bit: fc.nat(7) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("set"), at: fraction, value: boundary }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate"), at: fraction }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("splice"),
      at: fraction,
      from: fc.nat(),
      start: fraction,
      length: fc.integer({ min: 1, max: 4096 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("repeat"),
      at: fraction,
      length: fc.integer({ min: 1, max: 512 }),
      times: fc.integer({ min: 2, max: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("delete"),
      at: fraction,
      length: fc.integer({ min: 1, max: 1024 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("insert"),
      at: fraction,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    }),
  },
);

const place = (at: number, length: number) => Math.floor(at * length);

function apply(buffer: Buffer, m: Mutation, seeds: readonly Buffer[]): Buffer {
  const at = place(m.at, buffer.length);
  switch (m.kind) {
    case "flip":
      return edit(buffer, at, (b) => b ^ (1 << m.bit));
    case "set":
      return edit(buffer, at, () => m.value);
    case "truncate":
      return buffer.subarray(0, at);
    case "splice": {
      const donor = seeds[m.from % seeds.length] ?? buffer;
      const start = place(m.start, donor.length);
      const piece = donor.subarray(start, start + m.length);
      return Buffer.concat([buffer.subarray(0, at), piece, buffer.subarray(at + piece.length)]);
    }
    case "repeat": {
      const run = buffer.subarray(at, at + m.length);
      const copies = Array.from({ length: m.times }, () => run);
      return Buffer.concat([buffer.subarray(0, at), ...copies, buffer.subarray(at + run.length)]);
    }
    case "delete":
      return Buffer.concat([buffer.subarray(0, at), buffer.subarray(at + m.length)]);
    case "insert":
      return Buffer.concat([buffer.subarray(0, at), Buffer.from(m.bytes), buffer.subarray(at)]);
  }
}

function edit(buffer: Buffer, at: number, change: (byte: number) => number): Buffer {
  if (buffer.length === 0) return buffer;
  const copy = Buffer.from(buffer);
  copy[at] = change(copy[at] ?? 0) & 0xff;
  return copy;
}

/** A seed, damaged by 1 to `maxMutations` edits; the seed itself now and then. */
export function mutatedFrom(seeds: readonly Buffer[], maxMutations = 6): fc.Arbitrary<Buffer> {
  if (seeds.length === 0) throw new Error("mutatedFrom needs at least one seed");
  return fc
    .tuple(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 0, maxLength: maxMutations }))
    .map(([i, edits]) => {
      const seed = seeds[i] as Buffer;
      return edits.reduce((b, m) => apply(b, m, seeds), seed);
    });
}

/**
 * A JSON document from a seed with some of its values replaced by arbitrary JSON: deep
 * nesting, wrong types, huge numbers, odd strings. Catches what byte edits rarely reach past the
 * parser: the code that walks a well-formed document of the wrong shape.
 */
export function jsonMutatedFrom(seeds: readonly unknown[]): fc.Arbitrary<string> {
  const replacement = fc.jsonValue({ maxDepth: 4 });
  return fc
    .tuple(fc.nat(seeds.length - 1), fc.array(fc.tuple(fraction, replacement), { maxLength: 4 }))
    .map(([i, edits]) => {
      const doc = structuredClone(seeds[i]);
      const result = edits.reduce((d, [at, value]) => replaceNode(d, at, value), doc);
      return JSON.stringify(result);
    });
}

/** Replaces the node found at fraction `at` of a depth-first walk with `value`. */
function replaceNode(doc: unknown, at: number, value: unknown): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== "object") return;
    for (const [key, child] of Object.entries(node)) {
      nodes.push({ parent: node as Record<string, unknown>, key });
      walk(child);
    }
  };
  walk(doc);
  const target = nodes[place(at, nodes.length)];
  if (target === undefined) return value;
  (target.parent as Record<string | number, unknown>)[target.key] = value;
  return doc;
}
