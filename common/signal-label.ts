/** A signal's name for people ("HTTPS_PROXY (environment)", "Claude Code setting env.ANTHROPIC_BASE_URL"); the id stays for hover and exports. */
import type { KeyOf, Signal, TimezoneSource } from '../contract/snapshot.js';
import type { Language } from './i18n/languages.js';
import { translator, type PlainKey, type Translate } from './i18n/translate.js';

/** A time zone source's label, or the file it is read from (a path reads the same in any language). */
const TIMEZONE: Readonly<Record<TimezoneSource, PlainKey | { path: string }>> = {
  resolved: 'signal-label.timezone.resolved',
  offset: 'signal-label.timezone.offset',
  env: 'signal-label.timezone.env',
  intl: 'signal-label.timezone.intl',
  localtime: { path: '/etc/localtime' },
  'etc-timezone': { path: '/etc/timezone' },
  windows: 'signal-label.timezone.windows',
};

const IDENTITY: Readonly<Record<KeyOf<'identity'>['field'], PlainKey>> = {
  'git-email': 'signal-label.identity.git-email',
  'git-name': 'signal-label.identity.git-name',
  'git-config': 'signal-label.identity.git-config',
  hostname: 'signal-label.identity.hostname',
  user: 'signal-label.identity.user',
  'dns-search': 'signal-label.identity.dns-search',
  'dns-domain': 'signal-label.identity.dns-domain',
};

const SYSTEMS: Readonly<Record<string, string>> = { gnome: 'GNOME', kde: 'KDE', macos: 'macOS', windows: 'Windows' };

function proxyLabel(key: KeyOf<'proxy'>, t: Translate): string {
  switch (key.source) {
    case 'env':
    case 'no-proxy':
      return t('signal-label.env', { variable: key.variable });
    case 'effective':
      return t('signal-label.proxy.effective', { scheme: key.scheme.toUpperCase() });
    case 'system':
      return t('signal-label.proxy.system', { system: SYSTEMS[key.system] ?? key.system, setting: key.setting });
    case 'pac':
      return t('signal-label.proxy.pac', { system: SYSTEMS[key.system] ?? key.system });
    case 'pac-result':
      return t('signal-label.proxy.pac-result', { system: SYSTEMS[key.system] ?? key.system });
    case 'git':
      return `git ${key.setting}`;
  }
}

function registryLabel({ ecosystem, setting, scope }: KeyOf<'registry'>, t: Translate): string {
  if (setting === 'registry') return t('signal-label.registry', { ecosystem });
  if (setting === 'scope') return scope ? t('signal-label.registry.scope', { ecosystem, scope }) : t('signal-label.registry.any-scope', { ecosystem });
  return t('signal-label.registry.setting', { ecosystem, setting });
}

/** `toolName` maps a tool id to its name ("claude-code" -> "Claude Code"). */
export function signalLabel(signal: Signal, toolName: (id: string) => string, language: Language): string {
  const t = translator(language);
  switch (signal.kind) {
    case 'proxy':
      return proxyLabel(signal.key, t);
    case 'timezone': {
      const label = TIMEZONE[signal.key.source];
      return typeof label === 'string' ? t(label) : label.path;
    }
    case 'locale':
      if (signal.key.variable === 'intl') return t('signal-label.locale.intl');
      return signal.key.variable === 'AppleLocale' ? t('signal-label.locale.macos') : t('signal-label.env', { variable: signal.key.variable });
    case 'identity': {
      const field = t(IDENTITY[signal.key.field]);
      return signal.key.file ? t('signal-label.identity.file', { field, file: signal.key.file }) : field;
    }
    case 'registry':
      return registryLabel(signal.key, t);
    case 'model-endpoint':
      return t('signal-label.env', { variable: signal.key.variable });
    case 'tool-setting':
      return t('signal-label.tool-setting', { tool: toolName(signal.key.toolId), name: signal.key.name });
    case 'tool-config':
      return t('signal-label.tool-config', { tool: toolName(signal.key.toolId), file: signal.key.file });
    case 'system':
      return signal.key.part === 'connections' ? t('signal-label.connections') : t('signal-label.sampler', { sampler: signal.key.sampler });
    case 'legacy':
      return signal.key.id;
  }
}

export type SignalState = 'set' | 'not-set' | 'unavailable' | 'error';

/** What a status means to a reader: a value read as empty is a neutral "not set", not a failure. */
export function signalState(signal: Signal): SignalState {
  if (signal.status === 'ok') return signal.value === null || (Array.isArray(signal.value) && signal.value.length === 0) ? 'not-set' : 'set';
  return signal.status;
}
