import { Link } from "react-router";
import { DataTable } from "../../../components/data-table";
import { orders, SearchBox, StateChoice } from "../../../components/filters";
import { Pagination } from "../../../components/pagination";
import { QueryState } from "../../../components/query-state";
import { useSearchState } from "../../../hooks/use-search-state";
import { shortDigest } from "../../../lib/format";
import { useComponents } from "../api/project";

const sorts = [
  ["name", "Name"],
  ["version", "Version"],
  ["purl", "purl"],
] as const;
const defaults = { q: "", sort: "name", order: "asc", offset: "0", layer: "" };

/** A snapshot's components: search by name, sort, page, and filter by layer. */
export function ComponentsTab({ snapshotId }: { snapshotId: string }) {
  const [state, set] = useSearchState(defaults);
  const query = useComponents(snapshotId, state);
  return (
    <>
      <div className="filters">
        <SearchBox
          label="search components"
          placeholder="Search by name"
          value={state.q}
          onChange={(q) => set({ q })}
        />
        <StateChoice name="sort" options={sorts} state={state} set={set} />
        <StateChoice name="order" options={orders} state={state} set={set} />
        {state.layer && (
          <button type="button" onClick={() => set({ layer: "" })}>
            Layer {shortDigest(state.layer)} ✕
          </button>
        )}
      </div>
      <QueryState query={query}>
        {(page) => (
          <>
            <DataTable headers={["Name", "Version", "Type", "Layer", "Location"]}>
              {page.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/components?purl=${encodeURIComponent(c.purl)}`} title={c.purl}>
                      {c.name}
                    </Link>
                  </td>
                  <td className="mono">{c.version}</td>
                  <td>{c.type}</td>
                  <td className="mono">{shortDigest(c.layer)}</td>
                  <td className="mono small">{c.locations[0] ?? "—"}</td>
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
