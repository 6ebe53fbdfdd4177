import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

/**
 * The scanner's version, from its package.json (two folders up from both `src/source/cache`
 * and `dist/source/cache`).
 */
const SCANNER_VERSION: string = (() => {
  try {
    const url = new URL("../../../package.json", import.meta.url);
    return String(JSON.parse(readFileSync(url, "utf8")).version);
  } catch {
    return "unknown";
  }
})();

/**
 * The code that decides what a layer's index holds: the layer readers (the tar parser, the
 * sources that read blobs in place) and every cataloger's `wants` and `keeps`. Hashed into the
 * key, so that a changed reader or cataloger never reuses layers cached before it changed, even
 * when the scanner's version number did not move.
 */
const INDEX_CODE = ["catalog", "filetree", "source", "capture-policy"];

let codeFingerprint: string | undefined;

/**
 * A hash of the scanner's own index code as installed (`dist`, or `src` under the test
 * runner): some tens of milliseconds, so it is taken once, and only when a cache asks for a key.
 */
function indexCodeFingerprint(): string {
  if (codeFingerprint !== undefined) return codeFingerprint;
  const root = new URL("../../", import.meta.url);
  const hash = createHash("sha256");
  try {
    const files = readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter(isIndexCode)
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(new URL(file, root)));
  } catch {
    hash.update("unreadable");
  }
  codeFingerprint = hash.digest("hex");
  return codeFingerprint;
}

function isIndexCode(file: string): boolean {
  const top = file.split(/[\\/]/)[0]?.replace(/\.(js|ts)$/, "");
  if (top === undefined || !INDEX_CODE.includes(top)) return false;
  return /\.(js|ts)$/.test(file) && !/\.(test|fixture|d)\.ts$/.test(file);
}

/**
 * Names a capture policy for the layer cache: the scanner's version, a hash of the code that
 * builds indexes, and each reader's name and size limit. The key is computed on first use.
 */
export function capturePolicyKey(readers: { name: string; maxFileSize: number }[]): () => string {
  let key: string | undefined;
  return () => {
    if (key !== undefined) return key;
    const parts = readers.map((r) => `${r.name}@${r.maxFileSize}`).sort();
    key = createHash("sha256")
      .update([SCANNER_VERSION, indexCodeFingerprint(), ...parts].join("\n"))
      .digest("hex");
    return key;
  };
}
