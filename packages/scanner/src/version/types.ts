/** The sign of a comparison: `a` sorts before (-1), the same as (0) or after (1) `b`. */
export type Comparison = -1 | 0 | 1;

/**
 * What a capability example proves: either two versions that must compare as given, or an
 * input the scheme must report as invalid (how an unsupported feature shows itself).
 */
export type CapabilityExample =
  | { a: string; b: string; expected: Comparison }
  | { invalid: string };

/** One row of a scheme's capability table: a feature, whether it is supported, and a proof. */
export interface Capability {
  readonly feature: string;
  readonly supported: boolean;
  /** Checked by a test, so the table cannot claim what the code does not do. */
  readonly example: CapabilityExample;
  readonly note?: string;
}

/**
 * A version scheme: how one ecosystem writes and orders its versions. One folder per scheme
 * under `version/`, named after its `id`, listed in `version/registry.ts`.
 *
 * A scheme never guesses: {@link VersionScheme.parse} returns `null` for what it cannot read,
 * and {@link VersionScheme.compare} throws an `InvalidVersionError` for it.
 */
export interface VersionScheme<Parsed = unknown> {
  /** Name users pass on the command line; equals the scheme's folder name. */
  readonly id: string;
  /** The parsed form of `version`, or `null` when the scheme cannot read it. */
  parse(version: string): Parsed | null;
  /** Orders two versions; throws `InvalidVersionError` when either cannot be parsed. */
  compare(a: string, b: string): Comparison;
  isValid(version: string): boolean;
  /** What this scheme supports and what it reports as invalid, each with a checked example. */
  readonly capabilities: readonly Capability[];
}
