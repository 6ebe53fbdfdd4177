import { Link } from "react-router";
import { DataTable } from "../../../components/data-table";
import { SearchBox } from "../../../components/filters";
import { Pagination } from "../../../components/pagination";
import { QueryState } from "../../../components/query-state";
import { useSearchState } from "../../../hooks/use-search-state";
import { useUsages } from "../api/component";

const defaults = { purl: "", name: "", offset: "0" };

/** Every project and version where a component (by purl, or every version by name) is used. */
export function ComponentPage() {
  const [state, set] = useSearchState(defaults);
  const query = useUsages({ ...state, offset: Number(state.offset) });
  return (
    <div className="page">
      <h1>Component {state.purl ? <span className="mono">{state.purl}</span> : state.name}</h1>
      <div className="filters">
        <SearchBox
          label="component name"
          placeholder="Any version of a package name"
          value={state.name}
          onChange={(name) => set({ name, purl: "" })}
        />
      </div>
      {state.purl || state.name ? (
        <QueryState query={query}>
          {(page) => (
            <>
              <DataTable headers={["Project", "Version", "purl"]}>
                {page.items.map((u) => (
                  <tr key={`${u.componentId} ${u.projectId}`}>
                    <td>
                      <Link
                        to={`/projects/${u.projectId}?tab=components&q=${encodeURIComponent(u.name)}`}
                      >
                        {u.projectPath}
                      </Link>
                    </td>
                    <td className="mono">{u.version}</td>
                    <td className="mono small">{u.purl}</td>
                  </tr>
                ))}
              </DataTable>
              <Pagination {...page} onOffset={(o) => set({ offset: String(o) })} />
            </>
          )}
        </QueryState>
      ) : (
        <p className="muted">Search a package name to see where it is used.</p>
      )}
    </div>
  );
}
