import { useState, type ChangeEvent } from 'react';
import type { TelltaleApi, ExportFormat } from '../../../contract/api.js';
import type { SnapshotDiff } from '../../../contract/snapshot.js';
import { EXPORT_FORMATS } from '../../../common/export-formats.js';
import { formatMiB, SNAPSHOT_TEXT_LIMIT } from '../../../common/limits.js';
import { DiffView } from '../components/DiffView.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { saveFile } from '../components/saveFile.js';

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
      <h3 id="compare-title">Compare with a previous snapshot</h3>
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

export function SnapshotView({ api }: { api: TelltaleApi }) {
  return (
    <section aria-labelledby="snapshot-title">
      <h2 id="snapshot-title">Snapshot</h2>
      <ExportPanel api={api} />
      <ComparePanel api={api} />
    </section>
  );
}
