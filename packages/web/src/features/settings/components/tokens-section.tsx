import { type FormEvent, useState } from "react";
import { DataTable } from "../../../components/data-table";
import { QueryState } from "../../../components/query-state";
import { timeAgo } from "../../../lib/format";
import { useCreateToken, useRevokeToken, useTokens } from "../api/settings";

const scopes = ["read", "upload", "triage"] as const;

/** API tokens: create (the secret is shown once), list and revoke. */
export function TokensSection() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<(typeof scopes)[number][]>(["read"]);
  const [prefix, setPrefix] = useState("");
  const [createProjects, setCreateProjects] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, scopes: chosen, projectPrefix: prefix || null, createProjects });
  };
  const flip = (s: (typeof scopes)[number]) =>
    setChosen((c) => (c.includes(s) ? c.filter((x) => x !== s) : [...c, s]));
  return (
    <section className="card" aria-label="API tokens">
      <h2>API tokens</h2>
      <form className="inline-form" onSubmit={submit}>
        <input
          aria-label="token name"
          placeholder="Name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        {scopes.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={chosen.includes(s)} onChange={() => flip(s)} /> {s}
          </label>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={createProjects}
            onChange={(e) => setCreateProjects(e.target.checked)}
          />{" "}
          may create projects
        </label>
        <input
          aria-label="project prefix"
          placeholder="Project prefix (optional)"
          value={prefix}
          onChange={(e) => setPrefix(e.target.value)}
        />
        <button
          type="submit"
          className="primary"
          disabled={chosen.length === 0 || create.isPending}
        >
          Create token
        </button>
      </form>
      {create.isError && <p className="error">{create.error.message}</p>}
      {create.data && (
        <div className="notice" role="status">
          <p>Copy the token now: it is not shown again.</p>
          <code data-testid="new-token">{create.data.token}</code>
        </div>
      )}
      <QueryState query={tokens}>
        {({ items }) => (
          <DataTable headers={["Name", "Scopes", "Projects", "Last used", "State"]}>
            {items.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.scopes.join(", ")}</td>
                <td>{t.projectPrefix ?? "all"}</td>
                <td>{timeAgo(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt ? (
                    <span className="muted">revoked {timeAgo(t.revokedAt)}</span>
                  ) : (
                    <button type="button" className="danger" onClick={() => revoke.mutate(t.id)}>
                      Revoke {t.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </section>
  );
}
