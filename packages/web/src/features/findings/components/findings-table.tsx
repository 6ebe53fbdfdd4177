import { Link } from "react-router";
import { StateChoice } from "../../../components/filters";
import { Pagination } from "../../../components/pagination";
import { QueryState } from "../../../components/query-state";
import { AnalysisBadge, SeverityBadge } from "../../../components/severity";
import { useSearchState } from "../../../hooks/use-search-state";
import { useSeverities } from "../../../hooks/use-severities";
import { analysisStates, humanize } from "../../../lib/severity";
import { useFindings } from "../api/findings";

const sorts = [
  ["severity", "Severity"],
  ["vulnerabilityId", "Vulnerability"],
  ["name", "Package"],
  ["createdAt", "Found"],
] as const;
const defaults = { severity: "", analysis: "", sort: "severity", order: "desc", offset: "0" };

/**
 * Findings with severity and triage filters, sortable and paginated on the server. Filters live
 * in the URL. The server sorts severity by rank, so "desc" puts critical first.
 */
export function FindingsTable({
  projectId,
  snapshotId,
  showProject = false,
}: {
  projectId?: string;
  snapshotId?: string;
  showProject?: boolean;
}) {
  const [state, set] = useSearchState(defaults);
  const severities = useSeverities();
  const query = useFindings({ ...state, projectId, snapshotId });
  return (
    <>
      <div className="filters">
        <StateChoice
          name="severity"
          options={[["", "All severities"], ...severities]}
          state={state}
          set={set}
        />
        <StateChoice
          name="analysis"
          label="triage state"
          options={[
            ["", "Any triage state"],
            ...analysisStates.map((a) => [a, humanize(a)] as const),
          ]}
          state={state}
          set={set}
        />
        <StateChoice name="sort" options={sorts} state={state} set={set} />
      </div>
      <QueryState query={query}>
        {(page) => (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>Vulnerability</th>
                    <th>Severity</th>
                    <th>Package</th>
                    <th>Fixed in</th>
                    <th>Fix state</th>
                    <th>Triage</th>
                    {showProject && <th>Project</th>}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((f) => (
                    <tr key={f.id}>
                      <td>
                        <Link to={`/vulnerabilities/${encodeURIComponent(f.vulnerabilityId)}`}>
                          {f.vulnerabilityId}
                        </Link>
                      </td>
                      <td>
                        <SeverityBadge severity={f.severity} />
                      </td>
                      <td>
                        <Link to={`/components?purl=${encodeURIComponent(f.purl)}`}>
                          {f.name}@{f.version}
                        </Link>
                      </td>
                      <td className="mono">{f.fixedIn ?? "—"}</td>
                      <td>{f.fixState}</td>
                      <td>
                        <AnalysisBadge state={f.analysis.state} />
                      </td>
                      {showProject && (
                        <td>
                          <Link to={`/projects/${f.projectId}`}>{f.projectPath}</Link>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {page.total === 0 && <p className="muted">No findings match.</p>}
            <Pagination {...page} onOffset={(o) => set({ offset: String(o) })} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** Every finding across the fleet. */
export function FindingsPage() {
  return (
    <div className="page">
      <h1>Findings</h1>
      <FindingsTable showProject />
    </div>
  );
}
