import { InvalidVersionError } from "./errors.js";
import type { Capability, Comparison, VersionScheme } from "./types.js";

/** What a scheme module writes; {@link defineScheme} adds the checked `compare` and `isValid`. */
export interface SchemeDefinition<Parsed> {
  id: string;
  parse(version: string): Parsed | null;
  compareParsed(a: Parsed, b: Parsed): Comparison;
  capabilities: readonly Capability[];
}

/** Builds a {@link VersionScheme} whose `compare` throws on unparseable input instead of guessing. */
export function defineScheme<Parsed>(definition: SchemeDefinition<Parsed>): VersionScheme<Parsed> {
  const { id, parse, compareParsed, capabilities } = definition;
  const parseOrThrow = (version: string): Parsed => {
    const parsed = parse(version);
    if (parsed === null) throw new InvalidVersionError(id, version);
    return parsed;
  };
  return {
    id,
    parse,
    compare: (a, b) => compareParsed(parseOrThrow(a), parseOrThrow(b)),
    isValid: (version) => parse(version) !== null,
    capabilities,
  };
}
