import { useCallback, useState, type ChangeEvent } from 'react';
import type { TelltaleApi, ExportFormat } from '../../../contract/api.js';
import type { SnapshotDiff } from '../../../contract/snapshot.js';
import { EXPORT_FORMATS } from '../../../common/export-formats.js';
import { formatMiB, SNAPSHOT_TEXT_LIMIT } from '../../../common/limits.js';
import { DiffView } from '../components/DiffView.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { saveFile } from '../components/saveFile.js';
import { useApiQuery } from '../hooks/useApiQuery.js';
import { NoHistory } from '../components/NoHistory.js';
import { clockTime } from '../lib/time.js';

const FORMATS = (Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => ({ format, label: `Export ${EXPORT_FORMATS[format].label}` }));

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function ExportPanel({ api }: { api: TelltaleApi }) {
  const [maskHostname, setMaskHostname] = useState(false);
  const [maskUsername, setMaskUsername] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportAs = (format: ExportFormat) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    api
      .exportSnapshot({ format, redaction: { maskHostname, maskUsername } })
      .then((result) => setMessage(`Saved ${saveFile(result.filename, result.mime, result.content)}`))
      .catch((reason: unknown) => setError(messageOf(reason)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <h3 id="export-title">Export the current snapshot</h3>
      <p className="muted">Secrets (proxy passwords, tokens) are always removed. You can also mask:</p>
      <label className="check">
        <input type="checkbox" checked={maskHostname} onChange={(event) => setMaskHostname(event.target.checked)} /> Mask
        host name
      </label>
      <label className="check">
        <input type="checkbox" checked={maskUsername} onChange={(event) => setMaskUsername(event.target.checked)} /> Mask
        user name
      </label>
      <div className="button-row">
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" disabled={busy} onClick={() => exportAs(format)}>
            {label}
          </button>
        ))}
      </div>
      <p role="status">{message}</p>
      {error && <ErrorMessage message={`Export failed: ${error}`} />}
    </section>
  );
}

function ComparePanel({ api }: { api: TelltaleApi }) {
  const [diff, setDiff] = useState<SnapshotDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const compare = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setDiff(null);
    setError(null);
    if (file.size > SNAPSHOT_TEXT_LIMIT) {
      setError(`${file.name} is too large (over ${formatMiB(SNAPSHOT_TEXT_LIMIT)}) to be a Telltale snapshot.`);
      return;
    }
    setBusy(true);
    file
      .text()
      .then((previous) => api.diffWithCurrent({ previous }))
      .then(setDiff)
      .catch((reason: unknown) => setError(`Could not compare with ${file.name}: ${messageOf(reason)}`))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="compare-title">
      <h3 id="compare-title">Compare with an exported snapshot</h3>
      <label>
        Previous snapshot (JSON export){' '}
        <input type="file" accept=".json,application/json" onChange={compare} disabled={busy} />
      </label>
      {busy && <p role="status">Comparing…</p>}
      {error && <ErrorMessage message={error} />}
      {diff && <DiffView diff={diff} />}
    </section>
  );
}

const POINTS = 200;

/** "now" against a snapshot the history kept (whenever the exposure or the inferences changed). */
function HistoryComparePanel({ api }: { api: TelltaleApi }) {
  const status = useApiQuery(useCallback(() => api.getHistoryStatus({}), [api]));
  const points = useApiQuery(useCallback(() => api.getHistoryPoints({ limit: POINTS }), [api]));
  const [chosen, setChosen] = useState('');
  const [diff, setDiff] = useState<SnapshotDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const compare = () => {
    const id = Number(chosen || points.data?.[0]?.id);
    if (!Number.isInteger(id)) return;
    setBusy(true);
    setDiff(null);
    setError(null);
    api
      .diffWithHistory({ id })
      .then(setDiff)
      .catch((reason: unknown) => setError(`Could not compare: ${messageOf(reason)}`))
      .finally(() => setBusy(false));
  };

  let body;
  if (status.data && !status.data.available) {
    body = <NoHistory status={status.data} />;
  } else if (points.error) {
    body = <ErrorMessage message={`Could not read the history: ${points.error}`} />;
  } else if (points.data?.length === 0) {
    body = <p className="muted">The history holds no earlier snapshot yet (one is kept whenever the exposure or the inferences change).</p>;
  } else if (points.data) {
    body = (
      <div className="toolbar">
        <label>
          Earlier point{' '}
          <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            {points.data.map((point) => (
              <option key={point.id} value={point.id}>
                {new Date(point.at).toLocaleDateString()} {clockTime(point.at)} · {point.level ?? 'no level'} · {point.inferences} inference{point.inferences === 1 ? '' : 's'} · {point.summary}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={compare} disabled={busy}>
          Compare with now
        </button>
      </div>
    );
  }

  return (
    <section className="card" aria-labelledby="history-compare-title">
      <h3 id="history-compare-title">Compare with an earlier point in the history</h3>
      {body}
      {busy && <p role="status">Comparing…</p>}
      {error && <ErrorMessage message={error} />}
      {diff && <DiffView diff={diff} />}
    </section>
  );
}

export function SnapshotView({ api }: { api: TelltaleApi }) {
  return (
    <section aria-labelledby="snapshot-title">
      <h2 id="snapshot-title">Snapshot</h2>
      <ExportPanel api={api} />
      <HistoryComparePanel api={api} />
      <ComparePanel api={api} />
    </section>
  );
}
