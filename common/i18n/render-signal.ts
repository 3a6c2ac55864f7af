/** How a signal reads in a sentence: "time zone Asia/Shanghai" / "时区 Asia/Shanghai". */
import type { SignalRef } from '../../contract/message.js';
import { signalId, type IdentityField, type ProxyKey, type ToolSettingKind } from '../../contract/signal-key.js';
import type { MessageKey, PlainKey, Translate } from './translate.js';

const SYSTEM_NAMES: Readonly<Record<string, string>> = { gnome: 'GNOME', kde: 'KDE', macos: 'macOS', windows: 'Windows' };

/** A tool setting's kind as a sentence names it ('proxy', '基础 URL'). */
export const SETTING_KINDS: Readonly<Record<ToolSettingKind, PlainKey>> = {
  proxy: 'tool-setting.proxy',
  'base-url': 'tool-setting.base-url',
  telemetry: 'tool-setting.telemetry',
  model: 'tool-setting.model',
  env: 'tool-setting.env',
  other: 'tool-setting.other',
};

const IDENTITY_FIELDS = {
  'git-email': 'signal.git-email',
  'git-name': 'signal.git-name',
  'git-config': 'signal.git-config',
  'dns-search': 'signal.dns-search',
  'dns-domain': 'signal.dns-domain',
  hostname: 'signal.hostname',
  user: 'signal.user',
} as const satisfies Record<IdentityField, MessageKey>;

function describeProxy(key: ProxyKey, value: string, t: Translate): string {
  switch (key.source) {
    case 'effective':
      return t('signal.proxy.effective', { scheme: key.scheme.toUpperCase(), value });
    case 'env':
    case 'no-proxy':
      return t('signal.assignment', { variable: key.variable, value });
    case 'pac':
      return t('signal.proxy.pac', { value });
    case 'pac-result':
      return t('signal.proxy.pac-result', { value });
    case 'git':
      return t('signal.proxy.git', { setting: key.setting, value });
    case 'system': {
      const system = SYSTEM_NAMES[key.system] ?? key.system;
      return key.setting === 'pac'
        ? t('signal.proxy.system-pac', { system, value })
        : t('signal.proxy.system', { system, setting: key.setting, value });
    }
  }
}

export function describeSignalRef(ref: SignalRef, t: Translate): string {
  const { value } = ref;
  switch (ref.kind) {
    case 'timezone':
      return t('signal.timezone', { value });
    case 'locale':
      return ref.subject.variable === 'intl' ? t('signal.locale', { value }) : t('signal.assignment', { variable: ref.subject.variable, value });
    case 'proxy':
      return describeProxy(ref.subject, value, t);
    case 'registry': {
      const { ecosystem, setting, scope } = ref.subject;
      if (setting === 'registry') return t('signal.registry', { ecosystem, value });
      if (setting === 'extra') return t('signal.registry.extra', { ecosystem, value });
      if (setting === 'scope') return t('signal.registry.scope', { ecosystem, scope: scope ?? '', value });
      return t('signal.registry.setting', { ecosystem, setting, value });
    }
    case 'model-endpoint':
      return t('signal.assignment', { variable: ref.subject.variable, value });
    case 'tool-setting': {
      const { toolId, setting, variable, name } = ref.subject;
      const tool = ref.toolName ?? toolId;
      return setting === 'env'
        ? t('signal.tool-setting.env', { variable: variable ?? name, value, tool })
        : t('signal.tool-setting', { tool, setting: t(SETTING_KINDS[setting]), value });
    }
    case 'identity':
      return t(IDENTITY_FIELDS[ref.subject.field], { value });
    case 'tool-config':
      return t('signal.other', { id: signalId({ kind: ref.kind, key: ref.subject }), value });
    case 'legacy':
      return t('signal.other', { id: signalId({ kind: ref.kind, key: ref.subject }), value });
    case 'system':
      return t('signal.other', { id: signalId({ kind: ref.kind, key: ref.subject }), value });
  }
}
