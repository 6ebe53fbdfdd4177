/**
 * A corpus case a cataloger deliberately reads differently from the upstream tool whose test
 * it came from, with the reason. The corpus tests check that the cataloger yields exactly what
 * the entry says, so the table cannot drift from the code.
 */
export interface CorpusCapability {
  /** Case folder name in the corpus. */
  case: string;
  /** `unsupported`: the format is not read at all; `differs`: read, with another result. */
  status: "unsupported" | "differs";
  reason: string;
  /**
   * What this cataloger finds instead: `name@version` identities, sorted, or only their number
   * where the upstream expectation is itself only a count.
   */
  yields: string[] | number;
}
