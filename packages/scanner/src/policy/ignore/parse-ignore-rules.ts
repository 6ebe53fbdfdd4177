import { parse as parseYaml } from "yaml";
import { PolicyError } from "../errors.js";
import type { IgnoreRule } from "../types.js";

const FIELDS = ["id", "package", "reason", "expires"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the `ignore:` list of a `.lading.yaml` text. Other sections belong to other commands
 * and are left alone. A malformed rule is a {@link PolicyError} naming it: a rule silently
 * dropped would let a finding through, and one read wrongly would hide one.
 */
export function parseIgnoreRules(text: string, file: string): IgnoreRule[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new PolicyError(`${file}: not YAML: ${(err as Error).message}`, { cause: err });
  }
  const list = (doc as { ignore?: unknown } | null)?.ignore;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new PolicyError(`${file}: "ignore" must be a list of rules`);
  return list.map((entry, i) => toRule(entry, `${file}: ignore[${i}]`));
}

function toRule(entry: unknown, where: string): IgnoreRule {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry))
    throw new PolicyError(`${where}: a rule is a map of ${FIELDS.join(", ")}`);
  const rule: IgnoreRule = {};
  for (const [key, value] of Object.entries(entry)) {
    if (!(FIELDS as readonly string[]).includes(key))
      throw new PolicyError(`${where}: unknown field "${key}" (known: ${FIELDS.join(", ")})`);
    rule[key as keyof IgnoreRule] = fieldValue(key, value, where);
  }
  if (!rule.id && !rule.package) throw new PolicyError(`${where}: give an id, a package or both`);
  return rule;
}

function fieldValue(key: string, value: unknown, where: string): string {
  // YAML reads an unquoted 2025-01-31 as a date; take it back as the day it names.
  if (key === "expires" && value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "string" || value.trim() === "")
    throw new PolicyError(`${where}: "${key}" must be a non-empty string`);
  if (key === "expires" && !isDay(value))
    throw new PolicyError(`${where}: "expires" must be a date as YYYY-MM-DD, not "${value}"`);
  return value.trim();
}

function isDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
