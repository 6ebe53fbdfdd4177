import type { ReactNode } from "react";
import { useParams, useSearchParams } from "react-router";
import { QueryState } from "../../../components/query-state";
import { SeverityCountsRow } from "../../../components/severity";
import { shortDigest, timeAgo } from "../../../lib/format";
import { useLatestExposure, useProject, useSnapshots } from "../api/project";
import { ComponentsTab } from "./components-tab";
import { LayersTab } from "./layers-tab";
import { OutdatedRows } from "./outdated-rows";
import { PlanTab } from "./plan-tab";
import { SnapshotHistory } from "./snapshot-history";

const tabs = ["components", "findings", "plan", "layers", "history"] as const;

/**
 * One project: its latest snapshot, and tabs over it. The findings tab comes from the findings
 * feature, handed in by the route, so features do not import each other.
 */
export function ProjectPage({
  findingsTab,
}: {
  findingsTab: (projectId: string, snapshotId: string) => ReactNode;
}) {
  const { id = "" } = useParams();
  const project = useProject(id);
  const exposure = useLatestExposure(project.data?.path);
  const latest = useSnapshots(id, 0);
  const [params, setParams] = useSearchParams();
  const tab = (params.get("tab") ?? "findings") as (typeof tabs)[number];
  const counts = exposure.data?.items.find((e) => e.projectId === id);
  const snapshot =
    latest.data?.items.find((s) => s.id === counts?.snapshotId) ?? latest.data?.items[0];
  return (
    <div className="page">
      <QueryState query={project}>
        {(p) => (
          <header className="page-head">
            <h1>{p.path}</h1>
            <span className="muted">{p.kind}</span>
          </header>
        )}
      </QueryState>
      {snapshot ? (
        <section className="card summary" aria-label="latest snapshot">
          <dl>
            <dt>Image</dt>
            <dd className="mono">
              {snapshot.labels["org.opencontainers.image.ref.name"] ?? snapshot.projectPath}
            </dd>
            <dt>Digest</dt>
            <dd className="mono">{shortDigest(snapshot.imageDigest)}</dd>
            <dt>OS</dt>
            <dd>{snapshot.os ?? "—"}</dd>
            <dt>Layers</dt>
            <dd>{snapshot.layers.length}</dd>
            <dt>Components</dt>
            <dd>{snapshot.componentCount}</dd>
            <dt>Scanned</dt>
            <dd>
              {timeAgo(snapshot.createdAt)} ({snapshot.state})
            </dd>
            <dt>Findings</dt>
            <dd>{counts ? <SeverityCountsRow counts={counts} /> : "—"}</dd>
            <OutdatedRows snapshot={snapshot} />
          </dl>
        </section>
      ) : (
        <p className="muted">No snapshot of this project yet.</p>
      )}
      <div className="tabs" role="tablist" aria-label="project views">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={() => setParams({ tab: t })}
          >
            {t}
          </button>
        ))}
      </div>
      <section role="tabpanel" aria-label={tab}>
        {tab === "history" && <SnapshotHistory projectId={id} />}
        {snapshot && tab === "components" && <ComponentsTab snapshotId={snapshot.id} />}
        {snapshot && tab === "findings" && findingsTab(id, snapshot.id)}
        {snapshot && tab === "plan" && <PlanTab snapshotId={snapshot.id} />}
        {snapshot && tab === "layers" && <LayersTab layers={snapshot.layers} />}
      </section>
    </div>
  );
}
