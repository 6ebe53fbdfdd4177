import { useSeverities } from "../hooks/use-severities";
import { humanize, type SeverityCounts } from "../lib/severity";

/** A severity as a coloured label (colour plus text, so it reads without colour too). */
export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge sev-${severity}`}>{severity}</span>;
}

/** Counts per severity as a row of badges; zeros are dimmed. */
export function SeverityCountsRow({ counts }: { counts: SeverityCounts }) {
  const severities = useSeverities();
  return (
    <span className="sev-counts">
      {severities.map((s) => (
        <span
          key={s}
          className={`badge sev-${s}${counts[s] === 0 ? " zero" : ""}`}
          title={`${counts[s]} ${s}`}
        >
          {s[0].toUpperCase()} {counts[s]}
        </span>
      ))}
    </span>
  );
}

/** A VEX analysis state. */
export function AnalysisBadge({ state }: { state: string }) {
  return <span className={`badge state-${state}`}>{humanize(state)}</span>;
}
