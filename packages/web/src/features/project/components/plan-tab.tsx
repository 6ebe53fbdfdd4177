import { Link } from "react-router";
import { DataTable } from "../../../components/data-table";
import { QueryState } from "../../../components/query-state";
import { useSeverities } from "../../../hooks/use-severities";
import type { Schemas } from "../../../lib/api-client";
import { usePlan } from "../api/project";
import { planSummary, type RemediationPlan } from "./plan-summary";
import { UpgradesTable } from "./upgrades-table";

type RebuildSuggestion = Schemas["RebuildSuggestion"];

/** What to do about a snapshot's findings: rebuilds on a newer base first, then upgrades. */
export function PlanTab({ snapshotId }: { snapshotId: string }) {
  const query = usePlan(snapshotId);
  const severities = useSeverities();
  return (
    <QueryState query={query}>
      {(data) => <PlanView {...data} severities={severities} />}
    </QueryState>
  );
}

/** The plan as the route gives it; `severities` is the server's order, worst first. */
export function PlanView({
  plan,
  rebuild,
  severities,
}: {
  plan: RemediationPlan | null;
  rebuild: RebuildSuggestion[];
  severities: readonly string[];
}) {
  return (
    <>
      {plan === null ? (
        <p className="muted" data-testid="plan-summary">
          No plan: the server holds no vulnerability data yet, so no finding is known. An
          administrator can import advisories (<code>lading db import</code>) or let the server
          download them.
        </p>
      ) : (
        <p data-testid="plan-summary">{planSummary(plan)}</p>
      )}
      {rebuild.length > 0 && <RebuildList suggestions={rebuild} />}
      {plan !== null && plan.upgrades.length > 0 && (
        <section aria-labelledby="plan-upgrades">
          <h2 id="plan-upgrades">Upgrades, best first</h2>
          <UpgradesTable upgrades={plan.upgrades} severities={severities} />
        </section>
      )}
      {plan !== null && plan.unfixed.length > 0 && <UnfixedTable unfixed={plan.unfixed} />}
    </>
  );
}

function RebuildList({ suggestions }: { suggestions: RebuildSuggestion[] }) {
  return (
    <section className="card" aria-labelledby="plan-rebuild">
      <h2 id="plan-rebuild">Rebuild on a newer base</h2>
      <ul className="list">
        {suggestions.map((s) => (
          <li key={s.candidate.snapshotId}>
            <span>{s.message}</span>
            <span>
              <Link to={`/projects/${encodeURIComponent(s.candidate.projectId)}`}>
                {s.candidate.projectPath}
              </Link>
              {" · "}
              <Link to={`/diff?from=${s.base.snapshotId}&to=${s.candidate.snapshotId}`}>
                compare the bases
              </Link>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function UnfixedTable({ unfixed }: { unfixed: RemediationPlan["unfixed"] }) {
  return (
    <section aria-labelledby="plan-unfixed">
      <h2 id="plan-unfixed">Not fixed by any upgrade</h2>
      <DataTable headers={["Vulnerability", "Package", "Version", "Why"]}>
        {unfixed.map((f) => (
          <tr key={`${f.id} ${f.package} ${f.version}`}>
            <td>
              <Link to={`/vulnerabilities/${encodeURIComponent(f.id)}`}>{f.id}</Link>
            </td>
            <td>{f.package}</td>
            <td className="mono">{f.version}</td>
            <td>{f.reason}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
