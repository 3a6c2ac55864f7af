import { useCallback, useMemo, useState, type ChangeEvent } from 'react';
import { errorText } from '../api/error-text.js';
import type { TelltaleApi, ExportFormat } from '../../../contract/api.js';
import type { SnapshotDiff, Tool } from '../../../contract/snapshot.js';
import { EXPORT_FORMATS } from '../../../common/export-formats.js';
import { pointSummary } from '../../../common/history-point.js';
import { formatMiB, SNAPSHOT_TEXT_LIMIT } from '../../../common/limits.js';
import { DiffView } from '../components/DiffView.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { saveFile } from '../components/saveFile.js';
import { useApiQuery } from '../hooks/useApiQuery.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { NoHistory } from '../components/NoHistory.js';
import { countKey, dateTime, formatCount, LEVEL_KEYS } from '../lib/data-format.js';
import { toolNameLookup, type ToolName } from '../lib/event-text.js';

const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];


function ExportPanel({ api }: { api: TelltaleApi }) {
  const t = useT();
  const language = useLanguage();
  const [maskHostname, setMaskHostname] = useState(false);
  const [maskUsername, setMaskUsername] = useState(false);
  const [includeLoopback, setIncludeLoopback] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportAs = (format: ExportFormat) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    api
      .exportSnapshot({ format, redaction: { maskHostname, maskUsername }, includeLoopback })
      .then((result) => setMessage(t('export.saved', { file: saveFile(result.filename, result.mime, result.content) })))
      .catch((reason: unknown) => setError(errorText(reason, language)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <h3 id="export-title">{t('export.title')}</h3>
      <p className="muted">{t('export.intro')}</p>
      <label className="check">
        <input type="checkbox" checked={maskHostname} onChange={(event) => setMaskHostname(event.target.checked)} /> {t('export.mask-hostname')}
      </label>
      <label className="check">
        <input type="checkbox" checked={maskUsername} onChange={(event) => setMaskUsername(event.target.checked)} /> {t('export.mask-username')}
      </label>
      <label className="check">
        <input type="checkbox" checked={includeLoopback} onChange={(event) => setIncludeLoopback(event.target.checked)} />{' '}
        {t('export.include-loopback')}
      </label>
      <div className="button-row">
        {FORMATS.map((format) => (
          <button key={format} type="button" disabled={busy} onClick={() => exportAs(format)}>
            {t('export.as', { format: EXPORT_FORMATS[format].label })}
          </button>
        ))}
      </div>
      <p role="status">{message}</p>
      {error && <ErrorMessage message={t('export.failed', { error })} />}
    </section>
  );
}

function ComparePanel({ api, toolName }: { api: TelltaleApi; toolName: ToolName }) {
  const t = useT();
  const language = useLanguage();
  const [diff, setDiff] = useState<SnapshotDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const compare = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setDiff(null);
    setError(null);
    if (file.size > SNAPSHOT_TEXT_LIMIT) {
      setError(t('compare.file.too-large', { file: file.name, limit: formatMiB(SNAPSHOT_TEXT_LIMIT) }));
      return;
    }
    setBusy(true);
    file
      .text()
      .then((previous) => api.diffWithCurrent({ previous }))
      .then(setDiff)
      .catch((reason: unknown) => setError(t('compare.file.failed', { file: file.name, error: errorText(reason, language) })))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="compare-title">
      <h3 id="compare-title">{t('compare.file.title')}</h3>
      <label>
        {t('compare.file.label')} <input type="file" accept=".json,application/json" onChange={compare} disabled={busy} />
      </label>
      {busy && <p role="status">{t('data.comparing')}</p>}
      {error && <ErrorMessage message={error} />}
      {diff && <DiffView diff={diff} toolName={toolName} />}
    </section>
  );
}

const POINTS = 200;

/** "now" against a snapshot the history kept (whenever the exposure or the inferences changed). */
function HistoryComparePanel({ api, toolName }: { api: TelltaleApi; toolName: ToolName }) {
  const t = useT();
  const language = useLanguage();
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
      .catch((reason: unknown) => setError(t('compare.history.failed', { error: errorText(reason, language) })))
      .finally(() => setBusy(false));
  };

  let body;
  if (status.data && !status.data.available) {
    body = <NoHistory status={status.data} />;
  } else if (points.error) {
    body = <ErrorMessage message={t('compare.history.read-error', { error: points.error })} />;
  } else if (points.data?.length === 0) {
    body = <p className="muted">{t('compare.history.empty')}</p>;
  } else if (points.data) {
    body = (
      <div className="toolbar">
        <label>
          {t('compare.history.point')}{' '}
          <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            {points.data.map((point) => (
              <option key={point.id} value={point.id}>
                {[
                  dateTime(point.at, language),
                  point.level ? t(LEVEL_KEYS[point.level]) : t('compare.history.no-level'),
                  t(countKey(point.inferences, { one: 'data.inferences.one', other: 'data.inferences.other' }), { count: formatCount(point.inferences, language) }),
                  pointSummary(point, language),
                ].join(' · ')}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={compare} disabled={busy}>
          {t('compare.history.now')}
        </button>
      </div>
    );
  }

  return (
    <section className="card" aria-labelledby="history-compare-title">
      <h3 id="history-compare-title">{t('compare.history.title')}</h3>
      {body}
      {busy && <p role="status">{t('data.comparing')}</p>}
      {error && <ErrorMessage message={error} />}
      {diff && <DiffView diff={diff} toolName={toolName} />}
    </section>
  );
}

/** Export, and compare now with an earlier point or an exported file; tools are named, not shown by id. */
export function SnapshotView({ api, tools }: { api: TelltaleApi; tools: readonly Tool[] }) {
  const t = useT();
  const toolName = useMemo(() => toolNameLookup(tools), [tools]);
  return (
    <section aria-labelledby="snapshot-title">
      <h2 id="snapshot-title">{t('snapshot.title')}</h2>
      <ExportPanel api={api} />
      <HistoryComparePanel api={api} toolName={toolName} />
      <ComparePanel api={api} toolName={toolName} />
    </section>
  );
}
