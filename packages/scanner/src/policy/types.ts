/**
 * What a scan's findings are filtered by before they are reported and judged: the user's
 * ignore rules, vendors' VEX statements, and whether only fixable findings count.
 */
import type { Finding } from "../match/types.js";

/** One rule of the `ignore:` list in `.lading.yaml`. At least one of `id` and `package` is set. */
export interface IgnoreRule {
  /** A vulnerability id or any of its aliases (`CVE-2022-42889`, `GHSA-599f-7c49-w659`). */
  id?: string;
  /** A package name, a source package name (`openssl` covers `libssl3`), or a purl. */
  package?: string;
  /** Why the finding is accepted; shown wherever the finding is reported as suppressed. */
  reason?: string;
  /** Last day (`YYYY-MM-DD`, UTC) the rule applies; after it the finding is reported again. */
  expires?: string;
}

/** OpenVEX statuses (https://github.com/openvex/spec/blob/v0.2.0/OPENVEX-SPEC.md#status-labels). */
export type VexStatus = "not_affected" | "affected" | "fixed" | "under_investigation";

/** A product of a VEX statement: a purl or other IRI, and the components inside it. */
export interface VexProduct {
  id: string;
  subcomponents: string[];
}

/** One OpenVEX statement, flattened to what matching needs. */
export interface VexStatement {
  /** The vulnerability's name and aliases, as the statement gives them. */
  vulnerability: string[];
  products: VexProduct[];
  status: VexStatus;
  justification?: string;
  impactStatement?: string;
  actionStatement?: string;
  /** When the statement was made; a later one about the same product wins. */
  timestamp?: string;
  /** The document it came from (file name and `@id`), so the report can say who said it. */
  document: string;
}

/** Why a finding is not counted: an ignore rule, a VEX statement, or `--only-fixed`. */
export interface Suppression {
  by: "ignore" | "vex" | "only-fixed";
  /** One line for people: the rule's reason, the VEX status and justification, or "no fix". */
  reason: string;
  rule?: IgnoreRule;
  statement?: VexStatement;
}

/** A finding that the policy took out, with why. */
export interface SuppressedFinding {
  finding: Finding;
  suppression: Suppression;
}

/** Digests and names of the scanned image, so a VEX statement about the image can apply. */
export interface PolicySubject {
  digests: string[];
  names: string[];
}

/** Everything that filters findings. */
export interface Policy {
  ignore: IgnoreRule[];
  vex: VexStatement[];
  onlyFixed: boolean;
  /** The day rules' expiry is judged on. */
  now: Date;
  subject?: PolicySubject;
}

/** What {@link applyPolicy} leaves: the findings that count, the suppressed, and warnings. */
export interface PolicyOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Expired ignore rules and the like: things an operator should act on. */
  warnings: string[];
}
