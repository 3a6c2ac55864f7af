import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { errorText } from '../api/error-text.js';
import type { TelltaleApi } from '../../../contract/api.js';
import { LanguageSetting, NotificationRule, type Settings } from '../../../contract/settings.js';
import type { Tool } from '../../../contract/snapshot.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useApiQuery } from '../hooks/useApiQuery.js';
import { formatBytes } from '../lib/bytes.js';
import { formatNumber } from '../lib/count.js';
import { fieldErrors, type FieldErrors } from '../lib/field-errors.js';
import { settingsPatch, toggled } from '../lib/settings-patch.js';
import { clockTime, dateTime } from '../lib/time.js';
import { LANGUAGES, type Language } from '../../../common/i18n/languages.js';
import type { PlainKey } from '../../../common/i18n/translate.js';
import { renderSettingsProblem } from '../../../common/i18n/render-settings.js';
import { useLanguage, useT } from '../hooks/useT.js';

const RULE_LABELS: Readonly<Record<NotificationRule, PlainKey>> = {
  'exposure-rose': 'settings.rule.exposure-rose',
  'tool-started': 'settings.rule.tool-started',
  'new-destination': 'settings.rule.new-destination',
  'inference-gained': 'settings.rule.inference-gained',
};

/** What the form edits: everything but the language, which the picker applies at once. */
const formPatch = (saved: Settings, draft: Settings) => settingsPatch(saved, { ...draft, language: saved.language });

const NO_ERRORS: FieldErrors = { byField: {}, other: null };

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

/** Each language's name in itself, so a reader finds theirs whatever the UI speaks now. */
const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '简体中文' };

/** System (naming the language the locale gives), English or 简体中文; applied as soon as it is picked. */
function LanguageField({ value, systemLanguage, error, onChange }: { value: LanguageSetting; systemLanguage: Language | undefined; error: string | null; onChange: (choice: LanguageSetting) => void }) {
  const t = useT();
  const errors: FieldErrors = error ? { byField: { language: t('settings.language-error', { error }) }, other: null } : NO_ERRORS;
  return (
    <div className="card">
      <Field field="language" errors={errors} label={t('settings.language')} hint={t('settings.language-hint')}>
        {({ id, describedBy, invalid }) => (
          <select id={id} value={value} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(event) => onChange(LanguageSetting.parse(event.target.value))}>
            <option value="system">{systemLanguage ? t('settings.language-system', { language: LANGUAGE_NAMES[systemLanguage] }) : t('settings.language-system-unknown')}</option>
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

function HistoryStatusLine({ api }: { api: TelltaleApi }) {
  const t = useT();
  const language = useLanguage();
  const status = useApiQuery(useCallback(() => api.getHistoryStatus({}), [api]));
  if (status.error) return <ErrorMessage message={t('settings.history-error', { error: status.error })} />;
  const s = status.data;
  if (!s) return null;
  return (
    <dl className="facts" aria-label={t('settings.history-store')}>
      <dt>{t('shell.state')}</dt>
      <dd>{s.available ? t('settings.recording') : t('settings.not-available')}</dd>
      {s.message && (
        <>
          <dt>{t('settings.note')}</dt>
          <dd>{s.message}</dd>
        </>
      )}
      <dt>{t('shell.file')}</dt>
      <dd className="mono">{s.path ?? '—'}</dd>
      <dt>{t('settings.size')}</dt>
      <dd>{s.sizeBytes === null ? '—' : formatBytes(s.sizeBytes, language)}</dd>
      <dt>{t('settings.oldest')}</dt>
      <dd>{s.oldestAt ? dateTime(s.oldestAt, language) : '—'}</dd>
    </dl>
  );
}

/** Where the settings live, and what happened to a file that could not be used (kept aside, never lost). */
function SettingsFileLine({ api }: { api: TelltaleApi }) {
  const t = useT();
  const language = useLanguage();
  const status = useApiQuery(useCallback(() => api.getSettingsStatus({}), [api]));
  const s = status.data;
  if (status.error) return <ErrorMessage message={t('settings.file-error', { error: status.error })} />;
  if (!s) return null;
  return (
    <>
      <p className="muted">
        {t('settings.saved-in')} <span className="mono">{s.file ?? t('settings.memory-only')}</span>
      </p>
      {s.problemMessage ? (
        <ErrorMessage message={renderSettingsProblem(s.problemMessage, language)} />
      ) : (
        s.problem && (
          <ErrorMessage message={`${t('settings.file-problem', { problem: s.problem })}${s.keptAside ? t('settings.kept-aside', { file: s.keptAside }) : ''}`} />
        )
      )}
    </>
  );
}

/** Every setting, saved through updateSettings; follows changes made elsewhere. */
export function SettingsView({ api, tools, systemLanguage }: { api: TelltaleApi; tools: readonly Tool[]; systemLanguage: Language | undefined }) {
  const t = useT();
  const language = useLanguage();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  // The failure itself, said in the language in force when shown (the language may change meanwhile).
  const [loadError, setLoadError] = useState<{ reason: unknown } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [message, setMessage] = useState<string | null>(null);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [busy, setBusy] = useState(false);
  const [savedCount, setSavedCount] = useState(0);

  const [languageError, setLanguageError] = useState<string | null>(null);

  const dirty = saved !== null && draft !== null && Object.keys(formPatch(saved, draft)).length > 0;

  useEffect(() => {
    let live = true;
    api.getSettings({}).then(
      (settings) => {
        if (!live) return;
        setSaved(settings);
        setDraft(settings);
      },
      (reason: unknown) => live && setLoadError({ reason }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  // Changes from elsewhere (the tray, another window, an edited file) replace what is shown unless
  // the user is editing; then they are told, and Revert loads them.
  const shown = useRef({ dirty, saved });
  useEffect(() => {
    shown.current = { dirty, saved };
  }, [dirty, saved]);
  useEffect(
    () =>
      api.on('settings', (next) => {
        const before = shown.current.saved;
        setSaved(next);
        if (!shown.current.dirty) setDraft(next);
        // A new language alone is the picker's own change, not an edit made elsewhere.
        else if (!before || Object.keys(formPatch(before, next)).length > 0) setChangedElsewhere(true);
      }),
    [api],
  );

  const sortedTools = useMemo(() => [...tools].sort((a, b) => a.name.localeCompare(b.name)), [tools]);

  if (loadError) return <ErrorMessage message={t('settings.load-error', { error: errorText(loadError.reason, language) })} />;
  if (!saved || !draft) return <p role="status">{t('settings.loading')}</p>;

  const update = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });
  const updateHistory = (patch: Partial<Settings['history']>) => update({ history: { ...draft.history, ...patch } });
  const updateNotifications = (patch: Partial<Settings['notifications']>) => update({ notifications: { ...draft.notifications, ...patch } });
  const unknownMuted = draft.notifications.mutedTools.filter((id) => !tools.some((tool) => tool.id === id));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const patch = formPatch(saved, draft);
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
        setMessage(savedMessage(now));
      })
      .catch((reason: unknown) => setErrors(fieldErrors(errorText(reason, language))))
      .finally(() => setBusy(false));
  };
  // Said in the language in force when the reply came (a save does not change the language).
  const savedMessage = (now: Settings) =>
    t('settings.saved', {
      time: clockTime(new Date().toISOString(), language),
      seconds: formatNumber(now.intervalSeconds, language),
      monitoring: now.paused ? t('settings.paused-state') : t('settings.on'),
      history: now.history.enabled
        ? t('settings.history-kept', { days: formatNumber(now.history.retentionDays, language), mb: formatNumber(now.history.maxSizeMb, language) })
        : t('settings.off'),
      notifications: now.notifications.enabled ? t('settings.on') : t('settings.off'),
    });
  // The language applies at once: the host re-sends its status in the new language.
  const chooseLanguage = (choice: Settings['language']) => {
    setLanguageError(null);
    api.updateSettings({ language: choice }).then(
      (now) => {
        setSaved(now);
        setDraft((current) => current && { ...current, language: now.language });
      },
      (reason: unknown) => setLanguageError(errorText(reason, language)),
    );
  };
  const revert = () => {
    setDraft(saved);
    setErrors(NO_ERRORS);
    setChangedElsewhere(false);
  };

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h2 id="settings-title">{t('nav.settings')}</h2>
      <SettingsFileLine key={savedCount} api={api} />
      <LanguageField value={saved.language} systemLanguage={systemLanguage} onChange={chooseLanguage} error={languageError} />
      <form onSubmit={save} noValidate>
        <fieldset className="card">
          <legend>{t('settings.monitoring')}</legend>
          <NumberField field="intervalSeconds" errors={errors} label={t('settings.interval')} hint={t('settings.interval-hint')} value={draft.intervalSeconds} onChange={(intervalSeconds) => update({ intervalSeconds })} />
          <Check field="paused" errors={errors} label={t('settings.paused')} checked={draft.paused} onChange={(paused) => update({ paused })} />
          <Check field="preciseCapture" errors={errors} label={t('settings.precise')} checked={draft.preciseCapture} onChange={(preciseCapture) => update({ preciseCapture })} />
          <Check field="launchAtLogin" errors={errors} label={t('settings.launch')} checked={draft.launchAtLogin} onChange={(launchAtLogin) => update({ launchAtLogin })} />
          <p className="muted">
            {draft.windowBounds
              ? t('settings.window-remembered', { width: String(draft.windowBounds.width), height: String(draft.windowBounds.height) })
              : t('settings.window-not-remembered')}
          </p>
        </fieldset>

        <fieldset className="card">
          <legend>{t('settings.history')}</legend>
          <Check field="history.enabled" errors={errors} label={t('settings.history-enabled')} checked={draft.history.enabled} onChange={(enabled) => updateHistory({ enabled })} />
          <NumberField field="history.retentionDays" errors={errors} label={t('settings.retention')} hint={t('settings.retention-hint')} value={draft.history.retentionDays} onChange={(retentionDays) => updateHistory({ retentionDays })} />
          <NumberField field="history.maxSizeMb" errors={errors} label={t('settings.max-size')} hint={t('settings.max-size-hint')} value={draft.history.maxSizeMb} onChange={(maxSizeMb) => updateHistory({ maxSizeMb })} />
          {/* Asked again after each save: the size and oldest entry follow the new limits. */}
          <HistoryStatusLine key={savedCount} api={api} />
        </fieldset>

        <fieldset className="card">
          <legend>{t('shell.notifications')}</legend>
          <Check field="notifications.enabled" errors={errors} label={t('settings.show-notifications')} checked={draft.notifications.enabled} onChange={(enabled) => updateNotifications({ enabled })} />
          <fieldset className="sub" disabled={!draft.notifications.enabled}>
            <legend>{t('settings.notify-when')}</legend>
            {NotificationRule.options.map((rule) => (
              <Check
                key={rule}
                field="notifications.mutedRules"
                errors={NO_ERRORS}
                label={t(RULE_LABELS[rule])}
                checked={!draft.notifications.mutedRules.includes(rule)}
                onChange={(on) => updateNotifications({ mutedRules: toggled(draft.notifications.mutedRules, rule, !on) })}
              />
            ))}
            {errors.byField['notifications.mutedRules'] && <p className="field-error">{errors.byField['notifications.mutedRules']}</p>}
          </fieldset>
          <fieldset className="sub muted-tools" disabled={!draft.notifications.enabled}>
            <legend>{t('settings.muted-tools')}</legend>
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
            {t('settings.changed-elsewhere')}
          </p>
        )}
        {errors.other && <ErrorMessage message={t('settings.not-saved', { error: errors.other })} />}
        {Object.keys(errors.byField).length > 0 && <ErrorMessage message={t('settings.out-of-range')} />}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!dirty || busy}>
            {t('settings.save')}
          </button>
          <button type="button" disabled={!dirty || busy} onClick={revert}>
            {t('settings.revert')}
          </button>
        </div>
        <p role="status" className="save-status">
          {message}
        </p>
      </form>
    </section>
  );
}
