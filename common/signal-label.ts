/** A signal's name for people ("HTTPS_PROXY (environment)", "Claude Code setting env.ANTHROPIC_BASE_URL"); the id stays for hover and exports. */
import type { KeyOf, Signal, TimezoneSource } from '../contract/snapshot.js';

const TIMEZONE: Readonly<Record<TimezoneSource, string>> = {
  resolved: 'Time zone',
  offset: 'UTC offset (minutes)',
  env: 'TZ (environment)',
  intl: 'Time zone programs see (Intl)',
  localtime: '/etc/localtime',
  'etc-timezone': '/etc/timezone',
  windows: 'Windows time zone',
};

const IDENTITY: Readonly<Record<KeyOf<'identity'>['field'], string>> = {
  'git-email': 'git email (user.email)',
  'git-name': 'git name (user.name)',
  'git-config': 'git config file',
  hostname: 'Host name',
  user: 'User name',
  'dns-search': 'DNS search domains',
  'dns-domain': 'DNS domain',
};

const SYSTEMS: Readonly<Record<string, string>> = { gnome: 'GNOME', kde: 'KDE', macos: 'macOS', windows: 'Windows' };

function proxyLabel(key: KeyOf<'proxy'>): string {
  switch (key.source) {
    case 'env':
      return `${key.variable} (environment)`;
    case 'effective':
      return `Proxy in force for ${key.scheme.toUpperCase()}`;
    case 'no-proxy':
      return `${key.variable} (environment)`;
    case 'system':
      return `${SYSTEMS[key.system] ?? key.system} ${key.setting} proxy setting`;
    case 'pac':
      return `${SYSTEMS[key.system] ?? key.system} PAC script`;
    case 'pac-result':
      return `${SYSTEMS[key.system] ?? key.system} PAC answer`;
    case 'git':
      return `git ${key.setting}`;
  }
}

/** `toolName` maps a tool id to its name ("claude-code" -> "Claude Code"). */
export function signalLabel(signal: Signal, toolName: (id: string) => string): string {
  switch (signal.kind) {
    case 'proxy':
      return proxyLabel(signal.key);
    case 'timezone':
      return TIMEZONE[signal.key.source];
    case 'locale':
      return signal.key.variable === 'intl' ? 'Locale programs see (Intl)' : signal.key.variable === 'AppleLocale' ? 'macOS locale' : `${signal.key.variable} (environment)`;
    case 'identity':
      return signal.key.file ? `${IDENTITY[signal.key.field]} ${signal.key.file}` : IDENTITY[signal.key.field];
    case 'registry': {
      const { ecosystem, setting, scope } = signal.key;
      const what = setting === 'registry' ? 'registry' : setting === 'scope' ? `registry for ${scope ?? 'a scope'}` : setting;
      return `${ecosystem} ${what}`;
    }
    case 'model-endpoint':
      return `${signal.key.variable} (environment)`;
    case 'tool-setting':
      return `${toolName(signal.key.toolId)} setting ${signal.key.name}`;
    case 'tool-config':
      return `${toolName(signal.key.toolId)} config file ${signal.key.file}`;
    case 'system':
      return signal.key.part === 'connections' ? 'Connection table' : `${signal.key.sampler} sampler`;
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
