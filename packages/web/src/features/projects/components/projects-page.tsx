import { Link } from "react-router";
import { DataTable } from "../../../components/data-table";
import { SearchBox, StateChoice } from "../../../components/filters";
import { Pagination } from "../../../components/pagination";
import { QueryState } from "../../../components/query-state";
import { SeverityCountsRow } from "../../../components/severity";
import { useSearchState } from "../../../hooks/use-search-state";
import { shortDigest, timeAgo } from "../../../lib/format";
import { useExposure } from "../api/projects";
import { ProjectTree } from "./project-tree";

const kinds = [
  ["", "All kinds"],
  ["container", "Containers"],
  ["application", "Applications"],
  ["host", "Hosts"],
] as const;
const sorts = [
  ["risk", "Most exposed"],
  ["path", "Path"],
  ["snapshotAt", "Last scanned"],
] as const;
const defaults = { view: "list", q: "", kind: "", sort: "risk", order: "desc", offset: "0" };

/** Every scanned project, as a searchable list or as the host → container tree. */
export function ProjectsPage() {
  const [state, set] = useSearchState(defaults);
  return (
    <div className="page">
      <h1>Projects</h1>
      <div className="toolbar" role="tablist" aria-label="view">
        {["list", "tree"].map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={state.view === v}
            onClick={() => set({ view: v })}
          >
            {v === "list" ? "List" : "Tree"}
          </button>
        ))}
      </div>
      {state.view === "tree" ? <ProjectTree /> : <ProjectList state={state} set={set} />}
    </div>
  );
}

function ProjectList({
  state,
  set,
}: {
  state: typeof defaults;
  set: (c: Partial<typeof defaults>) => void;
}) {
  const query = useExposure(state);
  return (
    <>
      <div className="filters">
        <SearchBox
          label="search projects"
          placeholder="Search by path"
          value={state.q}
          onChange={(q) => set({ q })}
        />
        <StateChoice name="kind" options={kinds} state={state} set={set} />
        <StateChoice name="sort" options={sorts} state={state} set={set} />
      </div>
      <QueryState query={query}>
        {(page) => (
          <>
            <DataTable headers={["Project", "Kind", "Findings", "Image", "Last scan"]}>
              {page.items.map((p) => (
                <tr key={p.projectId}>
                  <td>
                    <Link to={`/projects/${p.projectId}`}>{p.path}</Link>
                  </td>
                  <td>{p.kind}</td>
                  <td>
                    <SeverityCountsRow counts={p} />
                  </td>
                  <td className="mono">{shortDigest(p.imageDigest)}</td>
                  <td>{timeAgo(p.snapshotAt)}</td>
                </tr>
              ))}
            </DataTable>
            <Pagination {...page} onOffset={(o) => set({ offset: String(o) })} />
          </>
        )}
      </QueryState>
    </>
  );
}
