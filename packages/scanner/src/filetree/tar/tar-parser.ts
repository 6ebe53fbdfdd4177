import {
  BLOCK,
  checksumMatches,
  cString,
  headerName,
  isZeroBlock,
  padded,
  parseNumber,
  parsePaxRecords,
} from "./header-fields.js";

/** One real entry of a tar, its extended headers (pax, GNU long names) applied. */
export interface TarEntry {
  name: string;
  /** Symlink or hard-link target as written; empty for other entries. */
  linkName: string;
  /** Bytes of the body as stored (for a sparse file, its data without the holes). */
  size: number;
  mode: number;
  /** The type flag as a character: `0` file, `5` dir, `2` symlink, `1` hard link, ... */
  flag: string;
  /** Pax records in force for this entry (global ones, then its own), when there are any. */
  pax?: ReadonlyMap<string, string>;
  /** For a sparse file (old GNU `S` or pax `GNU.sparse.*`): its size with the holes. */
  sparseSize?: number;
}

/** What a parser does with entries: look at each, and take the body of those it asks for. */
export interface TarVisitor {
  /** Called for each entry; true asks for its body, given whole to {@link body}. */
  entry(entry: TarEntry): boolean;
  /**
   * Called once the first {@link HEAD_BYTES} of a body asked for are in (all of it when it is
   * shorter); false gives up the body there, unread from then on and never given to `body`.
   */
  head?(entry: TarEntry, head: Buffer): boolean;
  body(entry: TarEntry, content: Buffer): void;
}

/** A tar that cannot be read on: a bad header, or an end in the middle of an entry. */
export class TarFormatError extends Error {
  override name = "TarFormatError";
}

/** How much of a body {@link TarVisitor.head} sees: enough for any executable's magic number. */
export const HEAD_BYTES = 64;

/** Pax and GNU long-name bodies are small; a huge one is corrupt, not worth holding. */
const MAX_EXTENDED_BYTES = 1 << 20;

type State = "header" | "body" | "sparse-map" | "end";

/** Per-entry extended headers waiting for the real entry they describe. */
interface Pending {
  pax?: Map<string, string>;
  longName?: string;
  longLink?: string;
}

/**
 * Parses a tar as its bytes are pushed in, in chunks of any size, without a stream per entry:
 * headers are decoded in place, bodies nobody asked for are passed over, and a body asked for
 * is copied once into a buffer of its size. A reader that can seek asks {@link skippable} how
 * many of the coming bytes will be passed over and may {@link skip} them unread.
 */
export class TarParser {
  private state: State = "header";
  private readonly block = Buffer.alloc(BLOCK);
  private blockFill = 0;
  /** Body bytes (and padding) still to pass over, after `capture` is full. */
  private toSkip = 0;
  private capture?: {
    entry: TarEntry | null;
    content: Buffer;
    fill: number;
    kind: string;
    /** Whether the visitor has had its look at the head. */
    headSeen: boolean;
  };
  private pending: Pending = {};
  private globalPax?: Map<string, string>;
  private zeroBlocks = 0;
  /** An old GNU sparse entry whose map runs on in extension blocks, and its stored size. */
  private pendingSparse?: TarEntry;
  private sparseBody = 0;
  /** Bytes consumed so far, for messages. */
  private offset = 0;

  constructor(private readonly visitor: TarVisitor) {}

  /** Whether the end-of-archive marker was read: later bytes are not part of the archive. */
  get ended(): boolean {
    return this.state === "end";
  }

  /** Bytes from here on that will be passed over unread, whatever they hold. */
  skippable(): number {
    return this.state === "body" && this.capture === undefined ? this.toSkip : 0;
  }

  /** Tells the parser `n` skippable bytes went by without being pushed. */
  skip(n: number): void {
    if (n > this.skippable()) throw new RangeError(`cannot skip ${n} bytes here`);
    this.toSkip -= n;
    this.offset += n;
    if (this.toSkip === 0) this.state = "header";
  }

  /** Feeds the next bytes of the archive. Throws {@link TarFormatError} on a corrupt header. */
  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      const before = at;
      at = this.step(chunk, at);
      this.offset += at - before;
    }
  }

  /** Declares the input complete; throws when it stopped inside an entry. */
  end(): void {
    if (this.state === "end" || (this.state === "header" && this.blockFill === 0)) return;
    throw new TarFormatError(`tar breaks off at byte ${this.offset}, inside an entry`);
  }

  private step(chunk: Uint8Array, at: number): number {
    if (this.state === "end") return chunk.length;
    if (this.state === "body") return this.consumeBody(chunk, at);
    const block = this.takeBlock(chunk, at);
    if (block === undefined) return chunk.length;
    if (this.state === "sparse-map") this.sparseExtension(block.bytes);
    else this.header(block.bytes);
    return block.next;
  }

  /** The next whole block, in place when the chunk holds it, else gathered across chunks. */
  private takeBlock(
    chunk: Uint8Array,
    at: number,
  ): { bytes: Uint8Array; next: number } | undefined {
    if (this.blockFill === 0 && chunk.length - at >= BLOCK) {
      return { bytes: chunk.subarray(at, at + BLOCK), next: at + BLOCK };
    }
    const n = Math.min(BLOCK - this.blockFill, chunk.length - at);
    this.block.set(chunk.subarray(at, at + n), this.blockFill);
    this.blockFill += n;
    if (this.blockFill < BLOCK) return undefined;
    this.blockFill = 0;
    return { bytes: this.block, next: at + n };
  }

  private consumeBody(chunk: Uint8Array, at: number): number {
    const capture = this.capture;
    if (capture !== undefined) {
      const n = Math.min(capture.content.length - capture.fill, chunk.length - at);
      capture.content.set(chunk.subarray(at, at + n), capture.fill);
      capture.fill += n;
      if (!capture.headSeen && !this.headWanted(capture)) return at + n;
      if (capture.fill === capture.content.length) this.finishCapture(capture);
      return at + n;
    }
    const n = Math.min(this.toSkip, chunk.length - at);
    this.toSkip -= n;
    if (this.toSkip === 0) this.state = "header";
    return at + n;
  }

  /**
   * Shows the visitor the head of a body once enough is in; false when it gave the body up, the
   * rest then being passed over.
   */
  private headWanted(capture: NonNullable<TarParser["capture"]>): boolean {
    const size = capture.content.length;
    if (capture.fill < Math.min(HEAD_BYTES, size)) return true;
    capture.headSeen = true;
    const { entry, content } = capture;
    if (entry === null || this.visitor.head === undefined) return true;
    if (this.visitor.head(entry, content.subarray(0, Math.min(HEAD_BYTES, size)))) return true;
    this.capture = undefined;
    this.passOver(padded(size) - capture.fill);
    return false;
  }

  private header(block: Uint8Array): void {
    if (isZeroBlock(block)) {
      // Two zero blocks end the archive; what follows (record padding) is not read.
      if (++this.zeroBlocks === 2) this.state = "end";
      return;
    }
    this.zeroBlocks = 0;
    if (!checksumMatches(block)) {
      throw new TarFormatError(`invalid tar header at byte ${this.offset} (checksum mismatch)`);
    }
    const flag = String.fromCharCode(block[156] as number);
    const size = parseNumber(block.subarray(124, 136));
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new TarFormatError(`invalid tar header at byte ${this.offset} (size field)`);
    }
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      this.startExtended(flag, size);
      return;
    }
    const entry = this.makeEntry(block, flag, size);
    if (flag === "S" && block[482] !== 0) {
      // Old GNU sparse: more map blocks follow the header before the body.
      this.sparseBody = size;
      this.pendingSparse = entry;
      this.state = "sparse-map";
      return;
    }
    this.startBody(entry);
  }

  private sparseExtension(block: Uint8Array): void {
    if (block[504] !== 0) return;
    const entry = this.pendingSparse as TarEntry;
    this.pendingSparse = undefined;
    this.state = "header";
    this.startBody({ ...entry, size: this.sparseBody });
  }

  private makeEntry(block: Uint8Array, flag: string, headerSize: number): TarEntry {
    const pending = this.pending;
    this.pending = {};
    const pax = mergePax(this.globalPax, pending.pax);
    const paxSize = pax?.get("size");
    const size = paxSize === undefined ? headerSize : Number.parseInt(paxSize, 10);
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new TarFormatError(
        `invalid pax size ${JSON.stringify(paxSize)} at byte ${this.offset}`,
      );
    }
    const entry: TarEntry = {
      name:
        pax?.get("GNU.sparse.name") ?? pax?.get("path") ?? pending.longName ?? headerName(block),
      linkName: pax?.get("linkpath") ?? pending.longLink ?? cString(block, 157, 257),
      size,
      mode: parseNumber(block.subarray(100, 108)) || 0,
      flag,
      pax,
    };
    const sparseSize = sparseRealSize(flag, block, pax);
    if (sparseSize !== undefined) entry.sparseSize = sparseSize;
    return entry;
  }

  private startExtended(flag: string, size: number): void {
    if (size > MAX_EXTENDED_BYTES) {
      throw new TarFormatError(`extended tar header of ${size} bytes at byte ${this.offset}`);
    }
    this.beginCapture(null, size, flag);
  }

  private startBody(entry: TarEntry): void {
    const wanted = this.visitor.entry(entry);
    if (wanted) this.beginCapture(entry, entry.size, "");
    else this.passOver(padded(entry.size));
  }

  private beginCapture(entry: TarEntry | null, size: number, kind: string): void {
    const capture = { entry, content: Buffer.allocUnsafe(size), fill: 0, kind, headSeen: false };
    if (size === 0) {
      if (this.headWanted(capture)) this.finishCapture(capture);
      return;
    }
    this.capture = capture;
    this.state = "body";
  }

  private finishCapture(capture: NonNullable<TarParser["capture"]>): void {
    this.capture = undefined;
    this.passOver(padded(capture.content.length) - capture.content.length);
    if (capture.entry !== null) this.visitor.body(capture.entry, capture.content);
    else this.extended(capture.kind, capture.content);
  }

  private passOver(bytes: number): void {
    this.toSkip = bytes;
    this.state = bytes > 0 ? "body" : "header";
  }

  private extended(kind: string, body: Buffer): void {
    if (kind === "x") this.pending.pax = parsePaxRecords(body);
    else if (kind === "g") this.globalPax = mergePax(this.globalPax, parsePaxRecords(body));
    else if (kind === "L") this.pending.longName = cString(body);
    else this.pending.longLink = cString(body);
  }
}

function mergePax(
  global: Map<string, string> | undefined,
  local: Map<string, string> | undefined,
): Map<string, string> | undefined {
  if (global === undefined) return local;
  if (local === undefined) return global;
  return new Map([...global, ...local]);
}

/**
 * The real size of a sparse file: old GNU `S` headers keep it at byte 483; the pax formats GNU
 * tar writes use `GNU.sparse.realsize` (1.0) or `GNU.sparse.size` (0.0, 0.1).
 */
function sparseRealSize(
  flag: string,
  block: Uint8Array,
  pax: ReadonlyMap<string, string> | undefined,
): number | undefined {
  if (flag === "S") return parseNumber(block.subarray(483, 495)) || 0;
  const text = pax?.get("GNU.sparse.realsize") ?? pax?.get("GNU.sparse.size");
  return text === undefined ? undefined : Number.parseInt(text, 10) || 0;
}
