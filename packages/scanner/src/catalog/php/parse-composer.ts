import type { FileParser, PackageDraft } from "../file-parsers.js";
import { normalizeLicenses } from "../spdx.js";

type Entry = Record<string, unknown>;

/**
 * Composer's `vendor/composer/installed.json` (installed: an array in Composer 1, an object
 * with `packages` in Composer 2) and `composer.lock` (`packages` and `packages-dev`).
 * https://getcomposer.org/doc/01-basic-usage.md#commit-your-composer-lock-file-to-version-control
 */
export const installedJsonParser = {
  id: "composer-installed",
  foundHow: "installed",
  matches: (path: string) => path.endsWith("/vendor/composer/installed.json"),
  parse(text: string): PackageDraft[] {
    const json: unknown = JSON.parse(text);
    if (Array.isArray(json)) return readEntries(json, false);
    const doc = asObject(json, "installed.json");
    const devNames = new Set(
      Array.isArray(doc["dev-package-names"]) ? doc["dev-package-names"] : [],
    );
    const packages = Array.isArray(doc.packages) ? doc.packages : [];
    return readEntries(packages, false).map((d) => ({ ...d, dev: devNames.has(d.name) }));
  },
} satisfies FileParser;

/** A project's `composer.lock`: production `packages` and `packages-dev`. */
export const composerLockParser = {
  id: "composer-lock",
  foundHow: "lockfile",
  matches: (path: string) => path.endsWith("/composer.lock"),
  parse(text: string): PackageDraft[] {
    const doc = asObject(JSON.parse(text), "composer.lock");
    const prod = Array.isArray(doc.packages) ? doc.packages : [];
    const dev = Array.isArray(doc["packages-dev"]) ? doc["packages-dev"] : [];
    return [...readEntries(prod, false), ...readEntries(dev, true)];
  },
} satisfies FileParser;

function readEntries(entries: unknown[], dev: boolean): PackageDraft[] {
  return entries.flatMap((raw) => {
    if (raw === null || typeof raw !== "object") return [];
    const entry = raw as Entry;
    if (typeof entry.name !== "string" || typeof entry.version !== "string") return [];
    const licenses = Array.isArray(entry.license) ? entry.license : [entry.license];
    const metadata: Record<string, unknown> = {};
    if (typeof entry.homepage === "string") metadata.homepage = entry.homepage;
    return [
      {
        name: entry.name,
        version: entry.version,
        dev,
        licenses: normalizeLicenses(licenses.filter((l) => typeof l === "string")),
        description: typeof entry.description === "string" ? entry.description : undefined,
        // Platform requirements (`php`, `ext-json`) are not packages, so they match nothing.
        requires: Object.keys(asRecord(entry.require)).map((name) => ({ name })),
        metadata,
      },
    ];
  });
}

function asObject(value: unknown, what: string): Entry {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`${what} is not a JSON object`);
  }
  return value as Entry;
}

function asRecord(value: unknown): Entry {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Entry)
    : {};
}
