import type { FileParser, PackageDraft } from "../file-parsers.js";

/**
 * Pipfile.lock: JSON with `default` and `develop` maps of name → `{version: "==1.0"}`.
 * An entry without a pinned version (a VCS or path dependency) names no release to match.
 */
export const pipfileLockParser = {
  id: "pipfile-lock",
  foundHow: "lockfile",
  matches: (path: string) => path.endsWith("/Pipfile.lock"),
  parse(text: string): PackageDraft[] {
    if (text.trim() === "") return [];
    const doc: unknown = JSON.parse(text);
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
      throw new Error("Pipfile.lock is not a JSON object");
    }
    const { default: prod, develop } = doc as Record<string, unknown>;
    return [...readSection(prod, false), ...readSection(develop, true)];
  },
} satisfies FileParser;

function readSection(section: unknown, dev: boolean): PackageDraft[] {
  if (section === null || typeof section !== "object") return [];
  return Object.entries(section as Record<string, unknown>).flatMap(([name, raw]) => {
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version !== "string" || !version.startsWith("==")) return [];
    return [{ name, version: version.replace(/^==+/, ""), dev }];
  });
}
