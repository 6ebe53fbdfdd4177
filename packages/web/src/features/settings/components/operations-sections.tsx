import { type FormEvent, useState } from "react";
import { Choice } from "../../../components/filters";
import { QueryState } from "../../../components/query-state";
import { useSeverities } from "../../../hooks/use-severities";
import { timeAgo } from "../../../lib/format";
import type { Severity } from "../../../lib/severity";
import {
  useCreateWebhook,
  useDataSources,
  useDeleteWebhook,
  useUpdateData,
  useWebhooks,
} from "../api/settings";

/** Webhooks for new findings at or above a severity (admins only). */
export function WebhooksSection() {
  const hooks = useWebhooks(true);
  const create = useCreateWebhook();
  const remove = useDeleteWebhook();
  const [url, setUrl] = useState("");
  const severities = useSeverities();
  const [minSeverity, setMin] = useState<Severity>("high");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ url, minSeverity });
  };
  return (
    <section className="card" aria-label="webhooks">
      <h2>Webhooks</h2>
      <QueryState query={hooks}>
        {({ items }) => (
          <ul className="list">
            {items.length === 0 && <li className="muted">No webhooks.</li>}
            {items.map((h) => (
              <li key={h.id}>
                <span className="mono">{h.url}</span>
                <span>≥ {h.minSeverity}</span>
                <button type="button" className="danger" onClick={() => remove.mutate(h.id)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <form className="inline-form" onSubmit={submit}>
        <input
          aria-label="webhook URL"
          type="url"
          placeholder="https://…"
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <Choice
          label="minimum severity"
          value={minSeverity}
          options={severities}
          onChange={(v) => setMin(v as Severity)}
        />
        <button type="submit" className="primary">
          Add webhook
        </button>
      </form>
      {create.data && (
        <p className="notice">
          Signing secret (shown once): <code>{create.data.secret}</code>
        </p>
      )}
      {create.isError && <p className="error">{create.error.message}</p>}
    </section>
  );
}

/** Where the vulnerability data comes from and when each source was last updated. */
export function DataSourcesSection({ canUpdate }: { canUpdate: boolean }) {
  const status = useDataSources();
  const update = useUpdateData();
  return (
    <section className="card" aria-label="data sources">
      <h2>Data sources</h2>
      <QueryState query={status}>
        {(s) => (
          <>
            <p>
              {s.advisories} advisories; built {timeAgo(s.builtAt)}
              {s.lastUpdate &&
                `; last update job ${s.lastUpdate.state} ${timeAgo(s.lastUpdate.at)}`}
            </p>
            <ul className="list">
              {s.sources.map((src) => (
                <li key={src.name}>
                  <span>{src.name}</span>
                  <span className="muted">
                    {src.records} records, {src.skipped} skipped, updated {timeAgo(src.updatedAt)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
      {canUpdate && (
        <button type="button" onClick={() => update.mutate()} disabled={update.isPending}>
          Update now
        </button>
      )}
      {update.isSuccess && <span className="ok"> Update queued.</span>}
    </section>
  );
}
