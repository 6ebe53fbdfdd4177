/**
 * The demo manifest (`examples/demo/demo.json` in the repository): which advisory files to
 * import and which images and directories to scan, each into a named project. Paths in it are
 * relative to the manifest's own folder.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import type { ProjectKind } from "../db/schema.js";

/** One project of the demo and the source its one snapshot is scanned from. */
export interface DemoProject {
  project: string;
  kind: ProjectKind;
  /** A scanner reference (`docker-archive:/abs/path`, `dir:/abs/path`), resolved. */
  source: string;
}

/** A manifest read and resolved to absolute paths. */
export interface DemoManifest {
  file: string;
  advisories: string[];
  projects: DemoProject[];
}

const schema = z.object({
  advisories: z.array(z.string().min(1)).min(1),
  projects: z
    .array(
      z.object({
        project: z.string().min(1),
        kind: z.enum(["host", "container", "application"]),
        source: z.string().regex(/^[a-z-]+:.+/, "kind:path, as lading scan takes it"),
      }),
    )
    .min(1),
});

/** Reads and checks the manifest; an unreadable or malformed one is a `DemoError`. */
export function readDemoManifest(file: string): DemoManifest {
  const path = resolve(file);
  const parsed = schema.safeParse(readJson(path));
  if (!parsed.success) throw new DemoError(`${path}: ${parsed.error.message}`);
  const base = dirname(path);
  return {
    file: path,
    advisories: parsed.data.advisories.map((a) => resolve(base, a)),
    projects: parsed.data.projects.map((p) => ({ ...p, source: resolveSource(base, p.source) })),
  };
}

/** The demo data cannot be read or loaded. */
export class DemoError extends Error {
  override name = "DemoError";
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new DemoError(`cannot read the demo manifest ${path}`, { cause });
  }
}

function resolveSource(base: string, source: string): string {
  const colon = source.indexOf(":");
  return `${source.slice(0, colon)}:${resolve(base, source.slice(colon + 1))}`;
}
