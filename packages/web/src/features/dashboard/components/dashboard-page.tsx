import { Link } from "react-router";
import { QueryState } from "../../../components/query-state";
import { SeverityCountsRow } from "../../../components/severity";
import { useSeverities } from "../../../hooks/use-severities";
import { shortDigest, timeAgo } from "../../../lib/format";
import { totalOf, zeroCounts } from "../../../lib/severity";
import {
  useAgents,
  useDataStatus,
  useMostExposed,
  useOutdatedSummary,
  usePortfolioMetrics,
  useRecentSnapshots,
} from "../api/dashboard";
import { SeverityChart } from "./severity-chart";

/** The fleet at a glance. */
export function DashboardPage() {
  const metrics = usePortfolioMetrics();
  const severities = useSeverities();
  return (
    <div className="page">
      <h1>Dashboard</h1>
      <QueryState query={metrics}>
        {({ items }) => {
          const now = items[items.length - 1] ?? zeroCounts(severities);
          return (
            <>
              <section className="tiles" aria-label="findings by severity now">
                {severities.map((s) => (
                  <Link key={s} className={`tile sev-border-${s}`} to={`/findings?severity=${s}`}>
                    <strong data-testid={`count-${s}`}>{now[s]}</strong>
                    <span>{s}</span>
                  </Link>
                ))}
                <div className="tile">
                  <strong data-testid="count-total">{totalOf(now, severities)}</strong>
                  <span>total findings</span>
                </div>
                <OutdatedTiles />
              </section>
              <section className="card">
                <h2>Findings over time</h2>
                <SeverityChart points={items} />
              </section>
            </>
          );
        }}
      </QueryState>
      <div className="grid-2">
        <MostExposed />
        <RecentSnapshots />
        <DataFreshness />
        <Agents />
      </div>
    </div>
  );
}

/** End-of-life and stale images; nothing while the counts load, so the tiles never jump. */
function OutdatedTiles() {
  const { data } = useOutdatedSummary();
  if (!data) return null;
  return (
    <>
      <div className="tile sev-border-critical" title="distro or runtime past security support">
        <strong data-testid="count-eol">{data.eol}</strong>
        <span>EOL images</span>
      </div>
      <div className="tile" title={`built more than ${data.staleDays} days ago`}>
        <strong data-testid="count-stale">{data.stale}</strong>
        <span>stale images</span>
      </div>
    </>
  );
}

function MostExposed() {
  const query = useMostExposed();
  return (
    <section className="card">
      <h2>Most exposed projects</h2>
      <QueryState query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">No scanned projects yet.</p>
          ) : (
            <ul className="list">
              {items.map((p) => (
                <li key={p.projectId}>
                  <Link to={`/projects/${p.projectId}`}>{p.path}</Link>
                  <SeverityCountsRow counts={p} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function RecentSnapshots() {
  const query = useRecentSnapshots();
  return (
    <section className="card">
      <h2>Recently changed</h2>
      <QueryState query={query}>
        {({ items }) => (
          <ul className="list">
            {items.map((s) => (
              <li key={s.id}>
                <Link to={`/projects/${s.projectId}`}>{s.projectPath}</Link>
                <span className="muted">
                  {shortDigest(s.imageDigest)} · {s.state} · {timeAgo(s.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function DataFreshness() {
  const query = useDataStatus();
  return (
    <section className="card">
      <h2>Vulnerability data</h2>
      <QueryState query={query}>
        {(status) => (
          <p data-testid="data-freshness">
            {status.builtAt
              ? `${status.advisories} advisories, updated ${timeAgo(status.builtAt)}`
              : "No vulnerability data yet: run lading db update or import."}
            {status.lastUpdate?.error && (
              <span className="error"> Last update failed: {status.lastUpdate.error}</span>
            )}
          </p>
        )}
      </QueryState>
    </section>
  );
}

function Agents() {
  const query = useAgents();
  return (
    <section className="card">
      <h2>Agents</h2>
      <QueryState query={query}>
        {({ items }) => {
          const online = items.filter((a) => a.online).length;
          return items.length === 0 ? (
            <p className="muted">No agent has reported yet.</p>
          ) : (
            <>
              <p>
                {online} online, {items.length - online} offline
              </p>
              <ul className="list">
                {items.map((a) => (
                  <li key={a.id}>
                    <Link to={`/projects/${a.hostProjectId}`}>{a.hostPath}</Link>
                    <span className={a.online ? "ok" : "muted"}>
                      {a.online ? "online" : `offline, seen ${timeAgo(a.lastSeenAt)}`}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
