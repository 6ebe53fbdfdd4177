import { AgentError } from "../errors.js";

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `500ms`, `30s`, `5m`, `24h`, `7d` (a bare number is seconds) into milliseconds. */
export function parseDuration(text: string, what: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!match) throw new AgentError(`${what} "${text}" is not a duration such as 30s, 5m or 24h`);
  return Math.round(Number(match[1]) * (UNITS[match[2] ?? "s"] as number));
}
