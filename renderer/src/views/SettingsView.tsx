import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import { NotificationRule, type Settings } from '../../../contract/settings.js';
import type { Tool } from '../../../contract/snapshot.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useApiQuery } from '../hooks/useApiQuery.js';
import { formatBytes } from '../lib/bytes.js';
import { fieldErrors, type FieldErrors } from '../lib/field-errors.js';
import { settingsPatch, toggled } from '../lib/settings-patch.js';
import { clockTime } from '../lib/time.js';

const RULE_LABELS: Record<NotificationRule, string> = {
  'exposure-rose': 'The exposure level rose',
  'tool-started': 'An AI coding tool started',
  'new-destination': 'A tool contacted a new country or organisation',
  'inference-gained': 'A tool can newly infer something about you',
};

const NO_ERRORS: FieldErrors = { byField: {}, other: null };
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A control with its label, hint and the API's complaint about it, tied together for screen readers. */
function Field({ field, errors, label, hint, children }: { field: string; errors: FieldErrors; label: string; hint?: string; children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode }) {
  const id = useId();
  const error = errors.byField[field];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={`${id}-hint`} className="muted hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function NumberField({ field, errors, label, hint, value, onChange }: { field: string; errors: FieldErrors; label: string; hint?: string; value: number; onChange: (value: number) => void }) {
  return (
    <Field field={field} errors={errors} label={label} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          value={Number.isNaN(value) ? '' : value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => onChange(event.target.valueAsNumber)}
        />
      )}
    </Field>
  );
}

function Check({ field, errors, label, checked, onChange }: { field: string; errors: FieldErrors; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const error = errors.byField[field];
  const id = useId();
  return (
    <div className="field">
      <label className="check">
        <input type="checkbox" checked={checked} aria-describedby={error ? id : undefined} onChange={(event) => onChange(event.target.checked)} /> {label}
      </label>
      {error && (
        <p id={id} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function HistoryStatusLine({ api }: { api: TelltaleApi }) {
  const status = useApiQuery(useCallback(() => api.getHistoryStatus({}), [api]));
  if (status.error) return <ErrorMessage message={`Could not ask about the history: ${status.error}`} />;
  const s = status.data;
  if (!s) return null;
  return (
    <dl className="facts" aria-label="History store">
      <dt>State</dt>
      <dd>{s.available ? 'Recording' : 'Not available'}</dd>
      {s.message && (
        <>
          <dt>Note</dt>
          <dd>{s.message}</dd>
        </>
      )}
      <dt>File</dt>
      <dd className="mono">{s.path ?? '—'}</dd>
      <dt>Size</dt>
      <dd>{s.sizeBytes === null ? '—' : formatBytes(s.sizeBytes)}</dd>
      <dt>Oldest entry</dt>
      <dd>{s.oldestAt ? new Date(s.oldestAt).toLocaleString() : '—'}</dd>
    </dl>
  );
}

/** Where the settings live, and what happened to a file that could not be used (kept aside, never lost). */
function SettingsFileLine({ api }: { api: TelltaleApi }) {
  const status = useApiQuery(useCallback(() => api.getSettingsStatus({}), [api]));
  const s = status.data;
  if (status.error) return <ErrorMessage message={`Could not ask about the settings file: ${status.error}`} />;
  if (!s) return null;
  return (
    <>
      <p className="muted">
        Saved in <span className="mono">{s.file ?? 'memory only (this run)'}</span>
      </p>
      {s.problem && <ErrorMessage message={`The settings file could not be used: ${s.problem}${s.keptAside ? ` It was kept as ${s.keptAside}.` : ''}`} />}
    </>
  );
}

/** Every setting, saved through updateSettings; follows changes made elsewhere. */
export function SettingsView({ api, tools }: { api: TelltaleApi; tools: readonly Tool[] }) {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [message, setMessage] = useState<string | null>(null);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [busy, setBusy] = useState(false);
  const [savedCount, setSavedCount] = useState(0);

  const dirty = saved !== null && draft !== null && Object.keys(settingsPatch(saved, draft)).length > 0;

  useEffect(() => {
    let live = true;
    api.getSettings({}).then(
      (settings) => {
        if (!live) return;
        setSaved(settings);
        setDraft(settings);
      },
      (reason: unknown) => live && setLoadError(messageOf(reason)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  // Changes from elsewhere (the tray, another window, an edited file) replace what is shown unless
  // the user is editing; then they are told, and Revert loads them.
  const shown = useRef({ dirty });
  useEffect(() => {
    shown.current = { dirty };
  }, [dirty]);
  useEffect(
    () =>
      api.on('settings', (next) => {
        setSaved(next);
        if (shown.current.dirty) setChangedElsewhere(true);
        else setDraft(next);
      }),
    [api],
  );

  const sortedTools = useMemo(() => [...tools].sort((a, b) => a.name.localeCompare(b.name)), [tools]);

  if (loadError) return <ErrorMessage message={`Could not read the settings: ${loadError}`} />;
  if (!saved || !draft) return <p role="status">Loading settings…</p>;

  const update = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });
  const updateHistory = (patch: Partial<Settings['history']>) => update({ history: { ...draft.history, ...patch } });
  const updateNotifications = (patch: Partial<Settings['notifications']>) => update({ notifications: { ...draft.notifications, ...patch } });
  const unknownMuted = draft.notifications.mutedTools.filter((id) => !tools.some((tool) => tool.id === id));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const patch = settingsPatch(saved, draft);
    setBusy(true);
    setErrors(NO_ERRORS);
    setMessage(null);
    api
      .updateSettings(patch)
      .then((now) => {
        setSaved(now);
        setDraft(now);
        setChangedElsewhere(false);
        setSavedCount((count) => count + 1);
        setMessage(`Saved at ${clockTime(new Date().toISOString())}. Now in force: a sample every ${now.intervalSeconds} s, monitoring ${now.paused ? 'paused' : 'on'}, history ${now.history.enabled ? `kept ${now.history.retentionDays} days (up to ${now.history.maxSizeMb} MB)` : 'off'}, notifications ${now.notifications.enabled ? 'on' : 'off'}.`);
      })
      .catch((reason: unknown) => setErrors(fieldErrors(messageOf(reason))))
      .finally(() => setBusy(false));
  };
  const revert = () => {
    setDraft(saved);
    setErrors(NO_ERRORS);
    setChangedElsewhere(false);
  };

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h2 id="settings-title">Settings</h2>
      <SettingsFileLine key={savedCount} api={api} />
      <form onSubmit={save} noValidate>
        <fieldset className="card">
          <legend>Monitoring</legend>
          <NumberField field="intervalSeconds" errors={errors} label="Seconds between samples" hint="1 to 3600." value={draft.intervalSeconds} onChange={(intervalSeconds) => update({ intervalSeconds })} />
          <Check field="paused" errors={errors} label="Paused" checked={draft.paused} onChange={(paused) => update({ paused })} />
          <Check field="preciseCapture" errors={errors} label="Precise capture: see every TCP connection attempt (Linux; needs root or the capture helper)" checked={draft.preciseCapture} onChange={(preciseCapture) => update({ preciseCapture })} />
          <Check field="launchAtLogin" errors={errors} label="Launch at login" checked={draft.launchAtLogin} onChange={(launchAtLogin) => update({ launchAtLogin })} />
          <p className="muted">
            Window position: {draft.windowBounds ? `remembered (${draft.windowBounds.width}×${draft.windowBounds.height})` : 'not remembered'}.
          </p>
        </fieldset>

        <fieldset className="card">
          <legend>History</legend>
          <Check field="history.enabled" errors={errors} label="Keep a history" checked={draft.history.enabled} onChange={(enabled) => updateHistory({ enabled })} />
          <NumberField field="history.retentionDays" errors={errors} label="Keep for (days)" hint="1 to 3650." value={draft.history.retentionDays} onChange={(retentionDays) => updateHistory({ retentionDays })} />
          <NumberField field="history.maxSizeMb" errors={errors} label="Size limit (MB)" hint="10 to 100000; the oldest entries go first." value={draft.history.maxSizeMb} onChange={(maxSizeMb) => updateHistory({ maxSizeMb })} />
          {/* Asked again after each save: the size and oldest entry follow the new limits. */}
          <HistoryStatusLine key={savedCount} api={api} />
        </fieldset>

        <fieldset className="card">
          <legend>Notifications</legend>
          <Check field="notifications.enabled" errors={errors} label="Show notifications" checked={draft.notifications.enabled} onChange={(enabled) => updateNotifications({ enabled })} />
          <fieldset className="sub" disabled={!draft.notifications.enabled}>
            <legend>Notify me when</legend>
            {NotificationRule.options.map((rule) => (
              <Check
                key={rule}
                field="notifications.mutedRules"
                errors={NO_ERRORS}
                label={RULE_LABELS[rule]}
                checked={!draft.notifications.mutedRules.includes(rule)}
                onChange={(on) => updateNotifications({ mutedRules: toggled(draft.notifications.mutedRules, rule, !on) })}
              />
            ))}
            {errors.byField['notifications.mutedRules'] && <p className="field-error">{errors.byField['notifications.mutedRules']}</p>}
          </fieldset>
          <fieldset className="sub muted-tools" disabled={!draft.notifications.enabled}>
            <legend>Never notify about these tools</legend>
            {[...sortedTools, ...unknownMuted.map((id) => ({ id, name: id }))].map((tool) => (
              <label key={tool.id} className="check">
                <input
                  type="checkbox"
                  checked={draft.notifications.mutedTools.includes(tool.id)}
                  onChange={(event) => updateNotifications({ mutedTools: toggled(draft.notifications.mutedTools, tool.id, event.target.checked) })}
                />{' '}
                {tool.name}
              </label>
            ))}
            {errors.byField['notifications.mutedTools'] && <p className="field-error">{errors.byField['notifications.mutedTools']}</p>}
          </fieldset>
        </fieldset>

        {changedElsewhere && (
          <p className="notice" role="status">
            The settings were changed elsewhere while you edited. Save keeps your changes; Revert shows the new ones.
          </p>
        )}
        {errors.other && <ErrorMessage message={`Not saved: ${errors.other}`} />}
        {Object.keys(errors.byField).length > 0 && <ErrorMessage message="Not saved: some values are out of range (see the fields marked above)." />}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!dirty || busy}>
            Save settings
          </button>
          <button type="button" disabled={!dirty || busy} onClick={revert}>
            Revert
          </button>
        </div>
        <p role="status" className="save-status">
          {message}
        </p>
      </form>
    </section>
  );
}
