import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { parse as parseYaml } from "yaml";
import yauzl from "yauzl";
import type { SkippedRecord } from "./types.js";

/** A parsed JSON or YAML document, named by its file (and zip entry). */
export interface Document {
  name: string;
  doc: unknown;
}

/** A document read, or one that could not be read and why. */
export type DocumentOutcome = Document | { skipped: SkippedRecord };

const DATA_FILE = /\.(json|ya?ml)$/i;

/**
 * Reads every advisory document under a path: a JSON or YAML file, a zip of them (osv.dev's
 * `all.zip`), or a directory of either, walked in name order. An unreadable file is an
 * outcome of its own, never an exception, so one bad record does not lose the rest.
 */
export async function* readDocuments(path: string): AsyncGenerator<DocumentOutcome> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const entries = (await readdir(path)).filter((e) => !e.startsWith(".")).sort();
    for (const entry of entries) {
      const child = join(path, entry);
      const childInfo = await stat(child);
      if (childInfo.isDirectory() || isDataFile(entry)) yield* readDocuments(child);
    }
    return;
  }
  if (extname(path).toLowerCase() === ".zip") yield* readZip(path);
  else yield parseDocument(path, await readFile(path));
}

function isDataFile(name: string): boolean {
  return DATA_FILE.test(name) || /\.zip$/i.test(name);
}

/** Parses by extension; anything not YAML is read as JSON (downloads may lack an extension). */
export function parseDocument(name: string, bytes: Buffer): DocumentOutcome {
  try {
    const text = bytes.toString("utf8");
    const doc = /\.ya?ml$/i.test(name) ? parseYaml(text) : JSON.parse(text);
    return { name, doc };
  } catch (err) {
    return { skipped: { path: name, reason: `cannot parse: ${(err as Error).message}` } };
  }
}

async function* readZip(path: string): AsyncGenerator<DocumentOutcome> {
  const zip = await openZip(path);
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) return;
      if (entry.fileName.endsWith("/") || !DATA_FILE.test(entry.fileName)) continue;
      const name = `${basename(path)}!${entry.fileName}`;
      yield parseDocument(name, await readEntry(zip, entry));
    }
  } finally {
    zip.close();
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    ),
  );
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const settle = (entry?: yauzl.Entry, err?: Error) => {
      zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
      if (err) reject(err);
      else resolve(entry);
    };
    zip.once("entry", (entry: yauzl.Entry) => settle(entry));
    zip.once("end", () => settle());
    zip.once("error", (err: Error) => settle(undefined, err));
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => resolve(Buffer.concat(chunks)));
      stream.on("error", reject);
    }),
  );
}
