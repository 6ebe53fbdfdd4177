import { Link } from "react-router";
import { QueryState } from "../../../components/query-state";
import { SeverityCountsRow } from "../../../components/severity";
import { useSeverities } from "../../../hooks/use-severities";
import { useAllExposure, useAllProjects } from "../api/projects";
import { buildTree, type TreeNode } from "./tree";

/** Groups, hosts and their containers as a collapsible tree with branch totals. */
export function ProjectTree() {
  const projects = useAllProjects();
  const exposure = useAllExposure();
  const severities = useSeverities();
  return (
    <QueryState query={projects}>
      {({ items, total }) => {
        const counts = new Map((exposure.data?.items ?? []).map((e) => [e.projectId, e]));
        const roots = buildTree(items, counts, severities);
        return (
          <>
            {total > items.length && (
              <p className="muted">
                Showing the first {items.length} of {total} projects.
              </p>
            )}
            <ul className="tree" aria-label="project tree">
              {roots.map((n) => (
                <Branch key={n.id} node={n} />
              ))}
            </ul>
          </>
        );
      }}
    </QueryState>
  );
}

function Branch({ node }: { node: TreeNode }) {
  const label = (
    <span className="tree-row">
      <span className="kind">{node.kind}</span>
      <Link to={`/projects/${node.id}`}>{node.name}</Link>
      <SeverityCountsRow counts={node.counts} />
    </span>
  );
  if (node.children.length === 0) return <li>{label}</li>;
  return (
    <li>
      <details open>
        <summary>{label}</summary>
        <ul>
          {node.children.map((c) => (
            <Branch key={c.id} node={c} />
          ))}
        </ul>
      </details>
    </li>
  );
}
