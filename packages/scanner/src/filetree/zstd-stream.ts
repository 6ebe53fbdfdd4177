import { Readable } from "node:stream";
import { Decompress as ZstdDecompress } from "fzstd";

/**
 * Zstandard (RFC 8878) inflated with the pure-JS `fzstd` decoder, one bounded slice at a time.
 * The decoder inflates all it is given at once, and a few kilobytes of RLE blocks stand for
 * gigabytes, so the input is cut at block boundaries first ({@link ZstdSplitter}) and each
 * slice's output is handed on only as the reader asks: memory stays flat on a zstd bomb.
 */
export function inflateZstd(input: AsyncIterable<Buffer>): Readable {
  return Readable.from(inflate(input), { objectMode: false });
}

async function* inflate(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let out: Buffer[] = [];
  const decoder = new ZstdDecompress((data) => {
    out.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
  const splitter = new ZstdSplitter();
  const drain = () => {
    const ready = out;
    out = [];
    return ready;
  };
  for await (const chunk of input) {
    for (const slice of splitter.push(chunk)) {
      decoder.push(slice);
      yield* drain();
    }
  }
  splitter.end();
  decoder.push(new Uint8Array(0), true);
  yield* drain();
}

const ZSTD_MAGIC = 0xfd2fb528;
/** Skippable frames carry any magic from 0x184D2A50 to 0x184D2A5F. */
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
/** No block inflates to more than this (RFC 8878 §3.1.1.2.3, Block_Maximum_Size). */
const MAX_BLOCK_OUTPUT = 128 << 10;
/** A slice is cut once the blocks in it may inflate to this much. */
const SLICE_OUTPUT = 1 << 20;
/**
 * Largest window a frame may ask for. The decoder allocates the whole window up front, so a
 * frame header alone could claim gigabytes; 128 MiB is the zstd tool's own default limit for
 * decompressing (`--memory`), which image layers written by container tools stay under.
 */
export const MAX_WINDOW_BYTES = 128 << 20;

type State = "magic" | "block" | "checksum" | "skip";

/**
 * Cuts a zstd stream into slices of whole frame headers and blocks, each inflating to about
 * `SLICE_OUTPUT` bytes at most, reading only the framing (frame headers, block headers) and
 * leaving the decoding to the decoder. Skippable frames are passed through as they come.
 */
export class ZstdSplitter {
  private pending: Buffer = Buffer.alloc(0);
  private state: State = "magic";
  private checksum = false;
  private skipLeft = 0;

  /** Slices ready for the decoder, in order; bytes of an incomplete unit are kept. */
  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const slices: Buffer[] = [];
    let start = 0;
    let at = 0;
    let budget = 0;
    for (;;) {
      if (this.state === "skip") {
        const n = Math.min(this.skipLeft, this.pending.length - at);
        at += n;
        this.skipLeft -= n;
        if (this.skipLeft > 0) break;
        this.state = "magic";
        continue;
      }
      const unit = this.nextUnit(this.pending, at);
      if (unit === undefined) break;
      if (budget + unit.output > SLICE_OUTPUT && at > start) {
        slices.push(this.pending.subarray(start, at));
        start = at;
        budget = 0;
      }
      at += unit.length;
      budget += unit.output;
    }
    if (at > start) slices.push(this.pending.subarray(start, at));
    this.pending = this.pending.subarray(at);
    return slices;
  }

  /** Throws when the stream stopped inside a frame. */
  end(): void {
    if (this.pending.length > 0 || this.state !== "magic") {
      throw new Error("zstd stream breaks off inside a frame");
    }
  }

  /** The next whole unit at `at`, and what it may inflate to; undefined until all of it is here. */
  private nextUnit(bytes: Buffer, at: number): { length: number; output: number } | undefined {
    const left = bytes.length - at;
    if (this.state === "checksum") {
      if (left < 4) return undefined;
      this.state = "magic";
      return { length: 4, output: 0 };
    }
    if (this.state === "block") return this.block(bytes, at, left);
    if (left < 4) return undefined;
    const magic = bytes.readUInt32LE(at);
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      if (left < 8) return undefined;
      this.skipLeft = bytes.readUInt32LE(at + 4);
      this.state = "skip";
      return { length: 8, output: 0 };
    }
    if (magic !== ZSTD_MAGIC) throw new Error("not a zstd frame (bad magic number)");
    return this.frameHeader(bytes, at, left);
  }

  private frameHeader(bytes: Buffer, at: number, left: number) {
    if (left < 5) return undefined;
    const descriptor = bytes[at + 4] as number;
    const singleSegment = (descriptor & 0x20) !== 0;
    const fcsFlag = descriptor >> 6;
    const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][fcsFlag] as number;
    const dictBytes = [0, 1, 2, 4][descriptor & 3] as number;
    const length = 5 + (singleSegment ? 0 : 1) + dictBytes + fcsBytes;
    if (left < length) return undefined;
    // A single-segment frame's window is its whole content, whose size follows the dictionary id.
    const window = singleSegment
      ? contentSize(bytes, at + 5 + dictBytes, fcsBytes)
      : windowSize(bytes[at + 5] as number);
    if (window > MAX_WINDOW_BYTES) {
      throw new Error(`zstd frame asks for a ${window}-byte window, over the 128 MiB limit`);
    }
    this.checksum = (descriptor & 0x04) !== 0;
    this.state = "block";
    return { length, output: 0 };
  }

  private block(bytes: Buffer, at: number, left: number) {
    if (left < 3) return undefined;
    const header = bytes.readUIntLE(at, 3);
    const last = (header & 1) === 1;
    const type = (header >> 1) & 3;
    const size = header >>> 3;
    if (type === 3) throw new Error("zstd block of the reserved type");
    const length = 3 + (type === 1 ? 1 : size);
    if (left < length) return undefined;
    if (last) this.state = this.checksum ? "checksum" : "magic";
    return { length, output: type === 2 ? MAX_BLOCK_OUTPUT : size };
  }
}

/** Window size from a frame's Window_Descriptor (RFC 8878 §3.1.1.1.2). */
function windowSize(descriptor: number): number {
  const base = 2 ** (10 + (descriptor >> 3));
  return base + (base / 8) * (descriptor & 7);
}

/** Frame_Content_Size, little-endian in 1, 2 (plus 256), 4 or 8 bytes (RFC 8878 §3.1.1.1.4). */
function contentSize(bytes: Buffer, at: number, size: number): number {
  let value = 0;
  for (let i = size - 1; i >= 0; i--) value = value * 256 + (bytes[at + i] as number);
  return size === 2 ? value + 256 : value;
}
