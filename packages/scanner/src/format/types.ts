import type { ScanResult } from "../types.js";

/** Facts a writer needs beyond the result: the tool's name and version, the current time. */
export interface FormatContext {
  toolName: string;
  toolVersion: string;
  /** When the document is made; fixed in tests so outputs can be compared. */
  now: Date;
  /** Whether the output goes to a terminal (colour, widths). */
  isTTY?: boolean;
}

/**
 * One output format per folder under `format/`, listed in `format/registry.ts`. A format may
 * take a spec version after `@` (`cyclonedx-json@1.5`).
 */
export interface Format {
  /** Name users pass to `-o`. */
  readonly id: string;
  /** Spec versions this format can write; the first is the default. Empty when unversioned. */
  readonly versions: readonly string[];
  write(result: ScanResult, context: FormatContext, version?: string): string;
}
