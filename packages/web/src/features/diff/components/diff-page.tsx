import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { QueryState } from "../../../components/query-state";
import { SeverityBadge } from "../../../components/severity";
import { type DiffItem, useDiff } from "../api/diff";

/** Components added, removed and changed, and findings introduced and fixed, between two snapshots. */
export function DiffPage() {
  const [params] = useSearchParams();
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const diff = useDiff(from, to);
  if (!from || !to)
    return (
      <div className="page">
        <h1>Compare snapshots</h1>
        <p className="muted">Pick two snapshots in a project's history to compare them.</p>
      </div>
    );
  return (
    <div className="page">
      <h1>Compare snapshots</h1>
      <QueryState query={diff}>
        {(d) => (
          <div className="grid-2">
            <Findings title="Findings introduced" items={d.introduced} />
            <Findings title="Findings fixed" items={d.fixed} />
            <Components title="Components added" items={d.added} />
            <Components title="Components removed" items={d.removed} />
            <Components title="Components changed" items={d.changed} changed />
          </div>
        )}
      </QueryState>
    </div>
  );
}

function Findings({ title, items }: { title: string; items: DiffItem[] }) {
  return (
    <section className="card" aria-label={title}>
      <h2>
        {title} <span className="count">{items.length}</span>
      </h2>
      <ul className="list">
        {items.map((f) => (
          <li key={`${f.purl} ${f.vulnerabilityId}`}>
            <Link to={`/vulnerabilities/${encodeURIComponent(f.vulnerabilityId ?? "")}`}>
              {f.vulnerabilityId}
            </Link>
            <SeverityBadge severity={f.severity ?? "unknown"} />
            <span className="mono small">{f.purl}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Components({
  title,
  items,
  changed,
}: {
  title: string;
  items: DiffItem[];
  changed?: boolean;
}) {
  const [all, setAll] = useState(false);
  // A base-image swap changes hundreds of packages; the first ones are shown until asked.
  const shown = all ? items : items.slice(0, 20);
  return (
    <section className="card" aria-label={title}>
      <h2>
        {title} <span className="count">{items.length}</span>
      </h2>
      <ul className="list">
        {shown.map((c) => (
          <li key={c.purl}>
            <span>{c.name}</span>
            <span className="mono">{changed ? `${c.fromVersion} → ${c.version}` : c.version}</span>
          </li>
        ))}
      </ul>
      {shown.length < items.length && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show all {items.length}
        </button>
      )}
    </section>
  );
}
