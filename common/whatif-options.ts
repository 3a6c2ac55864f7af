/**
 * The what-if changes worth offering for a snapshot: one per proxy variable, model base-URL variable
 * and package mirror it holds, plus a neutral time zone and locale and hiding the git email. The
 * UI shows these; the host computes what they change (main/core/whatif/).
 */
import type { Signal } from '../contract/snapshot.js';
import type { WhatIfToggle } from '../contract/whatif.js';
import type { Language } from './i18n/languages.js';
import { translator } from './i18n/translate.js';

export interface WhatIfOption {
  /** Stable across samples, for React keys and the checked set. */
  key: string;
  label: string;
  toggle: WhatIfToggle;
}

export const NEUTRAL_ZONE = 'UTC';
export const NEUTRAL_LOCALE = 'en_US.UTF-8';

/** The vendor's own API for the base-URL variables whose default is known. */
export const DEFAULT_BASE_URLS: Readonly<Record<string, string>> = {
  ANTHROPIC_BASE_URL: 'https://api.anthropic.com',
  OPENAI_BASE_URL: 'https://api.openai.com/v1',
  GOOGLE_GEMINI_BASE_URL: 'https://generativelanguage.googleapis.com',
};

const ok = (s: Signal) => s.status === 'ok' && s.value !== null;

/**
 * The variable a tool's setting sets: an env setting's variable, or a base-URL setting named like one
 * (Claude Code's `env.ANTHROPIC_BASE_URL`, aider's `ANTHROPIC_BASE_URL` in ~/.env): the last part of
 * its key path, as the catalog reads env settings.
 */
export function toolSettingVariable(signal: Signal): string | null {
  if (signal.kind !== 'tool-setting') return null;
  if (signal.key.variable) return signal.key.variable;
  return signal.key.setting === 'base-url' ? (signal.key.name.split('.').at(-1) ?? null) : null;
}

/** The base-URL variable a signal holds: a model endpoint in the env, or a tool setting of one. */
function baseUrlVariable(signal: Signal): string | null {
  if (signal.kind === 'model-endpoint') return signal.key.variable;
  const variable = toolSettingVariable(signal);
  return variable && (signal.kind === 'tool-setting' && signal.key.setting === 'base-url' || variable in DEFAULT_BASE_URLS) ? variable : null;
}

export function whatIfOptions(signals: readonly Signal[], language: Language): WhatIfOption[] {
  const t = translator(language);
  const present = signals.filter(ok);
  const proxyVars = new Set<string>();
  const modelVars = new Set<string>();
  const mirrors = new Set<string>();
  let gitEmail = false;
  for (const s of present) {
    if (s.kind === 'proxy' && s.key.source === 'env' && !/^no_proxy$/i.test(s.key.variable)) proxyVars.add(s.key.variable);
    if (s.kind === 'registry' && !['proxy', 'https-proxy'].includes(s.key.setting)) mirrors.add(s.key.ecosystem);
    if (s.kind === 'identity' && s.key.field === 'git-email') gitEmail = true;
    const variable = baseUrlVariable(s);
    if (variable) modelVars.add(variable);
  }
  const options: WhatIfOption[] = [
    ...[...proxyVars].sort().map((variable) => ({ key: `unset:${variable}`, label: t('whatif.option.unset', { variable }), toggle: { kind: 'unset-env', variable } as const })),
    { key: 'tz', label: t('whatif.option.timezone', { zone: NEUTRAL_ZONE }), toggle: { kind: 'timezone', zone: NEUTRAL_ZONE } },
    { key: 'locale', label: t('whatif.option.locale', { locale: NEUTRAL_LOCALE }), toggle: { kind: 'locale', locale: NEUTRAL_LOCALE } },
    ...[...mirrors].sort().map((ecosystem) => ({
      key: `mirror:${ecosystem}`,
      label: t('whatif.option.drop-mirror', { ecosystem }),
      toggle: { kind: 'drop-mirror', ecosystem } as WhatIfToggle,
    })),
    ...(gitEmail ? [{ key: 'git-email', label: t('whatif.option.hide-git-email'), toggle: { kind: 'hide-git-email' } as const }] : []),
    ...[...modelVars].sort().flatMap((variable): WhatIfOption[] => {
      const url = DEFAULT_BASE_URLS[variable];
      return url ? [{ key: `base-url:${variable}`, label: t('whatif.option.base-url', { variable, url }), toggle: { kind: 'base-url', variable, url } }] : [];
    }),
  ];
  return options;
}
