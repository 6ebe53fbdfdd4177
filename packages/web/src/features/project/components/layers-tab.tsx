import { useSearchParams } from "react-router";
import { DataTable } from "../../../components/data-table";
import { formatBytes, shortDigest } from "../../../lib/format";

/** A layer as the scanner records it in the snapshot. */
interface Layer {
  index: number;
  digest: string;
  diffId?: string;
  size?: number;
  createdBy?: string;
}

const isLayer = (value: unknown): value is Layer =>
  typeof value === "object" && value !== null && "digest" in value;

/**
 * The image's layers, oldest first, each linking to the components it brought.
 * TODO: wasted bytes per layer are not stored with the snapshot, so this tab cannot show them;
 * the server would have to keep the scanner's layer analysis at upload.
 */
export function LayersTab({ layers }: { layers: unknown[] }) {
  const [, setParams] = useSearchParams();
  const rows = layers.filter(isLayer);
  if (rows.length === 0)
    return (
      <p className="muted">This snapshot's SBOM names no layers (a directory or host scan).</p>
    );
  const show = (layer: Layer) =>
    setParams({ tab: "components", layer: layer.diffId ?? layer.digest });
  return (
    <DataTable headers={["#", "Digest", "Size", "Created by", "Packages"]}>
      {rows.map((l) => (
        <tr key={l.digest}>
          <td>{l.index}</td>
          <td className="mono">{shortDigest(l.digest)}</td>
          <td>{formatBytes(l.size)}</td>
          <td className="mono small">{l.createdBy ?? "—"}</td>
          <td>
            <button type="button" className="link" onClick={() => show(l)}>
              components
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
