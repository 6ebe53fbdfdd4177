import type { components } from "../../../lib/api-schema";
import { timeAgo } from "../../../lib/format";

type Snapshot = components["schemas"]["Snapshot"];
type State = NonNullable<Snapshot["eolState"]>;

const labels: Record<State, string> = {
  eol: "end of life",
  "security-only": "security fixes only",
  supported: "supported",
  unknown: "unknown",
};

/** The end-of-life state, with the date that decided it, and the image's age, as `<dl>` rows. */
export function OutdatedRows({ snapshot }: { snapshot: Snapshot }) {
  const state = snapshot.eolState;
  const distro = snapshot.outdated?.distro;
  const imageAge = snapshot.outdated?.age.image;
  return (
    <>
      <dt>End of life</dt>
      <dd>
        {state ? (
          <span className={`badge eol-${state}`} data-testid="eol-state">
            {labels[state]}
          </span>
        ) : (
          <span className="muted">not judged (no distro or runtime found)</span>
        )}{" "}
        {distro && <span className="muted">{describeDistro(distro)}</span>}
      </dd>
      <dt>Image age</dt>
      <dd data-testid="image-age">
        {snapshot.imageCreated
          ? `built ${timeAgo(snapshot.imageCreated)}${imageAge?.stale ? " (stale)" : ""}`
          : "unknown (the SBOM gives no build time)"}
      </dd>
    </>
  );
}

type Distro = NonNullable<NonNullable<Snapshot["outdated"]>["distro"]>;

function describeDistro(d: Distro): string {
  const date = d.decidedBy?.date;
  if (d.state === "eol") return `${d.name}: security support ended ${date ?? "on an unknown date"}`;
  if (d.state === "unknown") return `${d.name}: ${d.reason ?? "no end-of-life data"}`;
  const end = typeof d.securityEnd === "string" ? ` until ${d.securityEnd}` : "";
  return `${d.name}: ${labels[d.state]}${end}`;
}
