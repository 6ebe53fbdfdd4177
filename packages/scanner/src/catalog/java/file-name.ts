import { baseName } from "../../filetree/paths.js";

/** Extensions of the Java archives read, nested ones included. */
export const ARCHIVE_EXTENSIONS = ["jar", "war", "ear", "par", "jpi", "hpi", "kar", "sar", "rar"];

/** Whether a path or entry name ends like a Java archive. */
export function isJavaArchiveName(name: string): boolean {
  const dot = name.lastIndexOf(".");
  return dot > 0 && ARCHIVE_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
}

/** What an archive's file name says: `commons-io-2.11.0.jar` → `commons-io`, `2.11.0`. */
export interface FileNameIdentity {
  name: string;
  version?: string;
}

/**
 * Splits a file name at the first `-` followed by a digit, as Maven names its artifacts
 * (`artifactId-version[-classifier].jar`).
 */
export function parseArchiveFileName(path: string): FileNameIdentity {
  const file = baseName(path);
  const stem = file.slice(0, file.lastIndexOf(".") > 0 ? file.lastIndexOf(".") : undefined);
  const match = /^(.+?)-(\d[\w.+-]*)$/.exec(stem);
  if (match === null) return { name: stem };
  return { name: match[1] as string, version: match[2] as string };
}
