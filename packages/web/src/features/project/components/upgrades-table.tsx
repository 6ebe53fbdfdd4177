import { useState } from "react";
import { Link } from "react-router";
import { DataTable } from "../../../components/data-table";
import { SeverityBadge } from "../../../components/severity";
import { type PlannedUpgrade, worstSeverity } from "./plan-summary";

/** The plan's upgrades in the order the planner ranked them, best first. */
export function UpgradesTable({
  upgrades,
  severities,
}: {
  upgrades: PlannedUpgrade[];
  severities: readonly string[];
}) {
  return (
    <DataTable headers={["#", "Package", "Upgrade", "Fixes", "How", "Notes"]}>
      {upgrades.map((u, i) => (
        <tr key={`${u.type} ${u.name} ${u.installedVersion}`}>
          <td>{i + 1}</td>
          <td>
            {u.name} <span className="muted small">{u.type}</span>
          </td>
          <td className="mono nowrap">
            {u.installedVersion} → {u.targetVersion}
          </td>
          <td>
            <Fixes upgrade={u} severities={severities} />
          </td>
          <td>
            <How upgrade={u} />
          </td>
          <td className="small">
            <Notes notes={u.notes} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function Fixes({
  upgrade,
  severities,
}: {
  upgrade: PlannedUpgrade;
  severities: readonly string[];
}) {
  const worst = worstSeverity(upgrade.findings, severities);
  const n = upgrade.findings.length;
  return (
    <>
      {worst && <SeverityBadge severity={worst} />} {n} finding{n === 1 ? "" : "s"}
      <div className="small">
        {upgrade.vulnerabilities.map((id, i) => (
          <span key={id}>
            {i > 0 && ", "}
            <Link to={`/vulnerabilities/${encodeURIComponent(id)}`}>{id}</Link>
          </span>
        ))}
      </div>
    </>
  );
}

/** The command for an OS package; the manifests that pin a language package. */
function How({ upgrade }: { upgrade: PlannedUpgrade }) {
  if (upgrade.kind === "os" && upgrade.command) return <Command text={upgrade.command} />;
  if (upgrade.manifests && upgrade.manifests.length > 0)
    return (
      <ul className="plain mono small" aria-label={`manifests of ${upgrade.name}`}>
        {upgrade.manifests.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    );
  return <span className="muted">—</span>;
}

function Notes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

function Command({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  // The clipboard API exists only in secure contexts (HTTPS or loopback); elsewhere the code
  // block still selects whole on a click, so the command can be copied by hand.
  const canCopy = typeof navigator !== "undefined" && navigator.clipboard !== undefined;
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="command">
      <code>{text}</code>
      {canCopy && (
        <button type="button" className="ghost small" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </button>
      )}
    </div>
  );
}
