/**
 * Triage follows CycloneDX VEX analysis (https://cyclonedx.org/docs/1.6/json/#vulnerabilities_items_analysis).
 * It is keyed by project, package (purl without version) and vulnerability rather than by one
 * finding, so it carries over to later snapshots of the same project, version bumps included.
 */
import type { Store } from "../db/store.js";
import { newId, now } from "../ids.js";

export const analysisStates = [
  "in_triage",
  "exploitable",
  "resolved",
  "false_positive",
  "not_affected",
] as const;
export const justifications = [
  "code_not_present",
  "code_not_reachable",
  "requires_configuration",
  "requires_dependency",
  "requires_environment",
  "protected_by_compiler",
  "protected_at_runtime",
  "protected_at_perimeter",
  "protected_by_mitigating_control",
] as const;

/** What triage applies to. */
export interface TriageKey {
  projectId: string;
  packageKey: string;
  vulnerabilityId: string;
}

/** Sets the analysis and appends the change to the audit trail, in one transaction. */
export async function setTriage(
  store: Store,
  key: TriageKey,
  change: { state: string; justification: string | null; comment: string | null },
  actor: string,
): Promise<void> {
  const at = now();
  await store.db.transaction().execute(async (trx) => {
    const where = {
      project_id: key.projectId,
      package_key: key.packageKey,
      vulnerability_id: key.vulnerabilityId,
    };
    const old = await trx
      .selectFrom("triage")
      .select("state")
      .where("project_id", "=", where.project_id)
      .where("package_key", "=", where.package_key)
      .where("vulnerability_id", "=", where.vulnerability_id)
      .executeTakeFirst();
    const values = {
      state: change.state,
      justification: change.justification,
      comment: change.comment,
      updated_by: actor,
      updated_at: at,
    };
    await trx
      .insertInto("triage")
      .values({ ...where, ...values })
      .onConflict((oc) =>
        oc.columns(["project_id", "package_key", "vulnerability_id"]).doUpdateSet(values),
      )
      .execute();
    await trx
      .insertInto("triage_audit")
      .values({
        id: newId(),
        ...where,
        actor,
        old_state: old?.state ?? null,
        new_state: change.state,
        justification: change.justification,
        comment: change.comment,
        at,
      })
      .execute();
  });
}
