/**
 * Limits a CI job holds an image to, as Dive's CI mode does: an efficiency floor and ceilings on
 * wasted bytes and on the wasted share. Read from flags or the `layers:` section of
 * `.lading.yaml`, under the same names:
 *
 * ```yaml
 * layers:
 *   lowest-efficiency: 0.9        # or "90%"
 *   highest-wasted-bytes: 20MB    # decimal units (MB = 10^6), binary ones as MiB
 *   highest-wasted-percent: 0.1   # or "10%"
 * ```
 */
import bytes from "bytes-iec";
import { parse as parseYaml } from "yaml";
import { LadingError } from "../errors.js";
import { formatShare as percent, formatBytes as size } from "./sizes.js";
import type { LayersSummary } from "./types.js";

/** The limits; an absent one is not checked. */
export interface Thresholds {
  /** Fails below this efficiency (0..1). */
  lowestEfficiency?: number;
  /** Fails above this many wasted bytes. */
  highestWastedBytes?: number;
  /** Fails above this wasted share (0..1). */
  highestWastedPercent?: number;
}

/** A threshold an image crossed. */
export interface ThresholdViolation {
  /** The threshold's name as written in flags and `.lading.yaml`. */
  name: ThresholdName;
  limit: number;
  actual: number;
  /** One line a person reads: which figure, its value and the limit. */
  message: string;
}

/** A threshold's name as written in flags and `.lading.yaml`. */
export type ThresholdName = "lowest-efficiency" | "highest-wasted-bytes" | "highest-wasted-percent";

/** A threshold that cannot be read: not a number, a size or a share between 0 and 1. */
export class ThresholdError extends LadingError {}

const KEYS = {
  "lowest-efficiency": "lowestEfficiency",
  "highest-wasted-bytes": "highestWastedBytes",
  "highest-wasted-percent": "highestWastedPercent",
} as const satisfies Record<ThresholdName, keyof Thresholds>;

/** How each threshold is checked: the figure it limits, when it is crossed, how to say so. */
const CHECKS: readonly {
  name: ThresholdName;
  figure: (s: LayersSummary) => number;
  crossed: (actual: number, limit: number) => boolean;
  describe: (actual: number, limit: number) => string;
}[] = [
  {
    name: "lowest-efficiency",
    figure: (s) => s.efficiency,
    crossed: (actual, limit) => actual < limit,
    describe: (actual, limit) => `efficiency ${apart(percent, actual, limit, "is below")}`,
  },
  {
    name: "highest-wasted-bytes",
    figure: (s) => s.wastedBytes,
    crossed: (actual, limit) => actual > limit,
    describe: (actual, limit) => `wasted ${apart(size, actual, limit, "is above", " bytes")}`,
  },
  {
    name: "highest-wasted-percent",
    figure: (s) => s.wastedPercent,
    crossed: (actual, limit) => actual > limit,
    describe: (actual, limit) => `wasted share ${apart(percent, actual, limit, "is above")}`,
  },
];

/**
 * "A is above B" with both rounded for reading, unless rounding makes them look equal: then both
 * exactly, so the message never says 89.1 MB is above 89.1 MB.
 */
function apart(
  format: (n: number) => string,
  actual: number,
  limit: number,
  relation: string,
  unit = "",
): string {
  const [a, b] = [format(actual), format(limit)];
  return a === b ? `${actual}${unit} ${relation} ${limit}${unit}` : `${a} ${relation} ${b}`;
}

/** The thresholds the image's summary crosses, in the order of their names above. */
export function checkThresholds(summary: LayersSummary, limits: Thresholds): ThresholdViolation[] {
  const crossed: ThresholdViolation[] = [];
  for (const check of CHECKS) {
    const limit = limits[KEYS[check.name]];
    const actual = check.figure(summary);
    if (limit === undefined || !check.crossed(actual, limit)) continue;
    const message = `${check.name}: ${check.describe(actual, limit)}`;
    crossed.push({ name: check.name, limit, actual, message });
  }
  return crossed;
}

/**
 * Reads thresholds from names and raw values (flags, or a parsed `layers:` section); names it
 * does not know are refused, so that a misspelt limit is not silently unchecked.
 */
export function parseThresholds(raw: Record<string, unknown>, origin: string): Thresholds {
  const limits: Thresholds = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    if (!(name in KEYS)) {
      throw new ThresholdError(`${origin}: unknown threshold ${name} (known: ${names()})`);
    }
    // String([0.5]) is "0.5": a list would otherwise pass for the one value it holds.
    if (typeof value !== "number" && typeof value !== "string") {
      throw new ThresholdError(
        `${origin}: ${name} must be one number or size, not a ${kind(value)}`,
      );
    }
    const key = KEYS[name as ThresholdName];
    limits[key] =
      key === "highestWastedBytes" ? toBytes(value, name, origin) : toShare(value, name, origin);
  }
  return limits;
}

/** The thresholds of the `layers:` section of a `.lading.yaml` text; none if it has no section. */
export function thresholdsFromConfig(text: string, origin: string): Thresholds {
  let config: unknown;
  try {
    config = parseYaml(text);
  } catch (err) {
    // The parser's message ends in a multi-line excerpt of the file; its first line has the place.
    const [reason] = (err as Error).message.split("\n");
    throw new ThresholdError(`${origin}: not valid YAML: ${reason?.replace(/:$/, "")}`, {
      cause: err,
    });
  }
  const section = isRecord(config) ? config.layers : undefined;
  if (section === undefined || section === null) return {};
  if (!isRecord(section)) throw new ThresholdError(`${origin}: layers: must be a mapping`);
  return parseThresholds(section, `${origin} layers`);
}

/** A share from `0.9`, `"0.9"` or `"90%"`, between 0 and 1. */
function toShare(value: unknown, name: string, origin: string): number {
  const text = String(value).trim();
  const share = text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (text === "" || !Number.isFinite(share) || share < 0 || share > 1) {
    throw new ThresholdError(`${origin}: ${name} must be a share between 0 and 1, not ${text}`);
  }
  return share;
}

/** A byte count from `20000000`, `"20MB"` or `"20 MiB"`. */
function toBytes(value: unknown, name: string, origin: string): number {
  const parsed = typeof value === "number" ? value : bytes.parse(String(value).trim());
  if (parsed === null || !Number.isFinite(parsed) || parsed < 0) {
    throw new ThresholdError(
      `${origin}: ${name} must be a size such as 20MB, not ${String(value)}`,
    );
  }
  return Math.floor(parsed);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return "list";
  return typeof value === "object" ? "mapping" : typeof value;
}

function names(): string {
  return Object.keys(KEYS).join(", ");
}
