import * as Enums from "@cyclonedx/cyclonedx-library/Enums";
import * as Models from "@cyclonedx/cyclonedx-library/Models";
import type { Suppression } from "../../policy/types.js";

const J = Enums.Vulnerability.AnalysisJustification;

/**
 * OpenVEX justifications (https://github.com/openvex/spec/blob/v0.2.0/OPENVEX-SPEC.md#status-justifications)
 * in CycloneDX's terms, following CISA's "Minimum Requirements for VEX" mapping.
 */
const JUSTIFICATIONS: Record<string, Enums.Vulnerability.AnalysisJustification> = {
  component_not_present: J.CodeNotPresent,
  vulnerable_code_not_present: J.CodeNotPresent,
  vulnerable_code_not_in_execute_path: J.CodeNotReachable,
  vulnerable_code_cannot_be_controlled_by_adversary: J.RequiresEnvironment,
  inline_mitigations_already_exist: J.ProtectedByMitigatingControl,
};

/**
 * Why a finding is not counted, as a CycloneDX analysis: a VEX `not_affected` or `fixed` keeps
 * its state and justification; an ignore rule is the user's acceptance, which CycloneDX has
 * no state for, so only its reason is given.
 */
export function toAnalysis(suppression: Suppression): Models.Vulnerability.Analysis {
  const S = Enums.Vulnerability.AnalysisState;
  const statement = suppression.statement;
  if (suppression.by !== "vex" || !statement)
    return new Models.Vulnerability.Analysis({ detail: suppression.reason });
  return new Models.Vulnerability.Analysis({
    state: statement.status === "fixed" ? S.Resolved : S.NotAffected,
    justification: statement.justification ? JUSTIFICATIONS[statement.justification] : undefined,
    detail: suppression.reason,
  });
}
