/**
 * The catalog's messages (contract/catalog-text.ts) as sentences: telemetry opt-outs, setting notes,
 * tool notes. Values (env vars, files, keys, the vendor's labels) go in as they are.
 */
import type { OptOutCaveat, SettingNote, TelemetryOptOut, ToolNote } from '../../contract/catalog-text.js';
import type { PlainKey, Translate } from './translate.js';

const CAVEATS: Readonly<Record<OptOutCaveat, PlainKey>> = {
  'is-default': 'opt-out.caveat.is-default',
  'unverified-newer': 'opt-out.caveat.unverified-newer',
  'label-unverified': 'opt-out.caveat.label-unverified',
  'partial-2025': 'opt-out.caveat.partial-2025',
};

/** A settings UI's path as the app shows it ("Cursor Settings > General"). */
const uiPath = (path: readonly string[]) => path.join(' > ');

function optOutStep(o: TelemetryOptOut, t: Translate): string {
  switch (o.id) {
    case 'opt-out.env':
      return t(o.id, { variable: o.variable, value: o.value });
    case 'opt-out.config':
      return t(o.id, { file: o.file, key: o.key, value: o.value });
    case 'opt-out.editor-setting':
      return t(o.id, { key: o.key, value: o.value });
    case 'opt-out.flag':
      return t(o.id, { program: o.program, flag: o.flag });
    case 'opt-out.app-switch':
      return t(o.on ? 'opt-out.app-switch.on' : 'opt-out.app-switch.off', { path: uiPath(o.path), label: o.label });
    case 'opt-out.web-switch':
      return t(o.on ? 'opt-out.web-switch.on' : 'opt-out.web-switch.off', { page: o.page, label: o.label });
  }
}

/** "Set DISABLE_TELEMETRY=1"; its caveats in parentheses. */
export function renderOptOut(o: TelemetryOptOut, t: Translate): string {
  const step = optOutStep(o, t);
  if (!o.caveats?.length) return step;
  return t('list.paren', { item: step, detail: o.caveats.map((c) => t(CAVEATS[c])).join(t('list.semicolon')) });
}

/** Opt-outs one after the other, each a sentence of its own. */
export function renderOptOutSteps(steps: ReadonlyArray<TelemetryOptOut | string>, t: Translate): string {
  return steps.map((s) => (typeof s === 'string' ? s : renderOptOut(s, t))).join(t('opt-out.steps-separator'));
}

export function renderSettingNote(n: SettingNote, t: Translate): string {
  switch (n.id) {
    case 'setting-note.editor-proxy':
    case 'setting-note.legacy-telemetry':
    case 'setting-note.base-url':
    case 'setting-note.older-layout':
      return t(n.id);
    case 'setting-note.editor-telemetry-level':
      return t(n.id, { levels: n.levels.join(t('list.comma')) });
    case 'setting-note.base-url.instead-of':
      return t(n.id, { vendor: n.vendor });
    case 'setting-note.base-url.of-tool':
    case 'setting-note.tool-proxy':
    case 'setting-note.uses-editor-proxy':
    case 'setting-note.follows-editor-telemetry':
    case 'setting-note.session-env':
    case 'setting-note.loaded-into-env':
      return t(n.id, { tool: n.tool });
    case 'setting-note.base-url.compatible':
      return t(n.id, { api: n.api });
    case 'setting-note.model-provider':
      return t(n.id, { table: n.table });
    case 'setting-note.usage-statistics':
    case 'setting-note.session-sharing':
      return t(n.id, { host: n.host });
    case 'setting-note.sign-in':
      return t(n.id, { oauth: n.oauth, api: n.api });
  }
}

/** What the tool is, before the sentence every tool note ends with; null for an editor, which needs none. */
function toolNoteFirst(n: ToolNote, t: Translate): string | null {
  switch (n.id) {
    case 'tool-note.editor':
      return null;
    case 'tool-note.extension-host':
    case 'tool-note.in-editor':
      return t(n.id);
    case 'tool-note.ide-based-on':
      return t(n.id, { base: n.base });
    case 'tool-note.plugins-and-ide':
      return t(n.id, { editors: n.editors.join(t('list.comma')), ide: n.ide });
  }
}

/** What the tool is, then that extensions share the editor's access. */
export function renderToolNote(n: ToolNote, t: Translate): string {
  const first = toolNoteFirst(n, t);
  const extensions = t('tool-note.extensions');
  return first === null ? extensions : t('list.then', { first, next: extensions });
}
