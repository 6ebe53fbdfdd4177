import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { DataTable } from "../../../components/data-table";
import { Pagination } from "../../../components/pagination";
import { QueryState } from "../../../components/query-state";
import { shortDigest, timeAgo } from "../../../lib/format";
import { useSnapshots } from "../api/project";

/** Snapshots of the project, newest first; pick two to compare. */
export function SnapshotHistory({ projectId }: { projectId: string }) {
  const [offset, setOffset] = useState(0);
  const [picked, setPicked] = useState<string[]>([]);
  const navigate = useNavigate();
  const query = useSnapshots(projectId, offset);
  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  return (
    <QueryState query={query}>
      {(page) => (
        <>
          <DataTable headers={["Compare", "Taken", "Image", "State", "Components"]}>
            {page.items.map((s) => (
              <tr key={s.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`compare snapshot ${s.createdAt}`}
                    checked={picked.includes(s.id)}
                    onChange={() => toggle(s.id)}
                  />
                </td>
                <td title={s.createdAt}>{timeAgo(s.createdAt)}</td>
                <td className="mono">{shortDigest(s.imageDigest)}</td>
                <td>{s.state === "failed" ? `failed: ${s.failureReason}` : s.state}</td>
                <td>{s.componentCount}</td>
              </tr>
            ))}
          </DataTable>
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              disabled={picked.length !== 2}
              onClick={() => navigate(diffLink(page.items, picked))}
            >
              Compare selected
            </button>
            {page.items.length >= 2 && (
              <Link to={diffLink(page.items, [page.items[1].id, page.items[0].id])}>
                Compare the last two
              </Link>
            )}
          </div>
          <Pagination {...page} onOffset={setOffset} />
        </>
      )}
    </QueryState>
  );
}

/** The diff URL, older snapshot first. */
function diffLink(items: { id: string; createdAt: string }[], ids: string[]) {
  const at = (id: string) => items.find((s) => s.id === id)?.createdAt ?? "";
  const [from, to] = [...ids].sort((a, b) => at(a).localeCompare(at(b)));
  return `/diff?from=${from}&to=${to}`;
}
