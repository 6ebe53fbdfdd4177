import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";

/** One entry of a zip's central directory, read before anything is inflated. */
export interface ZipEntry {
  name: string;
  /** Uncompressed size as the central directory declares it; yauzl enforces it on read. */
  size: number;
  isDirectory: boolean;
  raw: Entry;
}

/** An opened zip: its central directory, and a reader that inflates one entry at a time. */
export interface OpenedZip {
  entries: ZipEntry[];
  read(entry: ZipEntry, budget: InflateBudget): Promise<Buffer>;
  close(): void;
}

/**
 * Bytes that may still be inflated from one outermost archive and everything nested in it.
 * A zip bomb declares small sizes or huge ones; either way it runs out of budget, not memory.
 */
export class InflateBudget {
  constructor(public remaining: number) {}

  /** Reserves `bytes` or throws, so an entry is refused before any of it is inflated. */
  take(bytes: number, what: string): void {
    if (bytes > this.remaining) {
      throw new ZipLimitError(`${what} would inflate past the archive's byte budget`);
    }
    this.remaining -= bytes;
  }
}

/** An archive exceeded a depth or size cap: reported as an unknown, never inflated. */
export class ZipLimitError extends Error {}

/** Reads the central directory of `buffer`; throws when it is not a zip. */
export async function openZip(buffer: Buffer): Promise<OpenedZip> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, strictFileNames: false });
  const entries = await listEntries(zip);
  return {
    entries,
    read: (entry, budget) => readEntry(zip, entry, budget),
    close: () => zip.close(),
  };
}

function listEntries(zip: ZipFile): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  return new Promise((resolve, reject) => {
    zip.on("entry", (raw: Entry) => {
      const isDirectory = raw.fileName.endsWith("/");
      entries.push({ name: raw.fileName, size: raw.uncompressedSize, isDirectory, raw });
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

async function readEntry(zip: ZipFile, entry: ZipEntry, budget: InflateBudget): Promise<Buffer> {
  budget.take(entry.size, entry.name);
  const stream = await zip.openReadStreamPromise(entry.raw);
  return collect(stream, entry.size);
}

/** Collects a stream; yauzl already fails one that inflates past its declared size. */
async function collect(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > limit) {
      stream.destroy();
      throw new ZipLimitError("entry inflates past its declared size");
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
