import { useSeverities } from "../../../hooks/use-severities";
import { type MetricsPoint, peakTotal, stackBands } from "./chart-data";

const box = { width: 600, height: 160 };

/** Findings by severity over time as stacked areas, with a legend and a text summary. */
export function SeverityChart({ points }: { points: readonly MetricsPoint[] }) {
  const severities = useSeverities();
  if (points.length === 0) return <p className="muted">No history yet: upload an SBOM.</p>;
  const bands = stackBands(points, box, severities);
  const peak = peakTotal(points, severities);
  const first = points[0].at.slice(0, 10);
  const last = points[points.length - 1].at.slice(0, 10);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`findings by severity from ${first} to ${last}, peak ${peak}`}
      >
        {bands.map((b) => (
          <path key={b.severity} d={b.path} className={`area sev-fill-${b.severity}`} />
        ))}
      </svg>
      <figcaption>
        <span className="muted">
          {first} – {last} · peak {peak}
        </span>
        <span className="legend">
          {severities.map((s) => (
            <span key={s}>
              <i className={`swatch sev-fill-${s}`} /> {s}
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
