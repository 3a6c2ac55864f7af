/**
 * Which signals carry which kind of evidence, read from their typed kind and key (never from the
 * id), how to name a signal in a sentence, and whether a proxy setting is actually in force.
 */
import { TOOL_CATALOG } from '../catalog/tools.js';
import type { SignalRef, SignalSubject } from '../../../contract/message.js';
import type { Signal, SignalKind } from '../../../contract/snapshot.js';
import { emailDomainOf, textOf } from './signal-values.js';

/** A signal narrowed to one kind, so its key has that kind's shape. */
export type SignalOf<K extends SignalKind> = Extract<Signal, { kind: K }>;

export function isSignal<K extends SignalKind>(signal: Signal, kind: K): signal is SignalOf<K> {
  return signal.kind === kind;
}

const HTTPS_PROXY_VAR = /^(https_proxy|all_proxy)$/i;
const HTTP_PROXY_VAR = /^http_proxy$/i;

/** The env var a tool-config setting sets, if it is of kind env. */
const settingVariable = (s: SignalOf<'tool-setting'>): string | null => (s.key.setting === 'env' ? (s.key.variable ?? null) : null);

const EVIDENCE = {
  timezone: (s: Signal) => isSignal(s, 'timezone') && s.key.source !== 'offset',
  locale: (s: Signal) => isSignal(s, 'locale'),
  /** Proxy settings that apply to HTTPS requests and name a proxy host. */
  proxy: (s: Signal): boolean => {
    if (isSignal(s, 'proxy')) {
      const k = s.key;
      if (k.source === 'effective') return k.scheme === 'https';
      if (k.source === 'env') return HTTPS_PROXY_VAR.test(k.variable);
      if (k.source === 'system') return k.setting === 'https' || k.setting === 'socks';
      return k.source === 'pac-result' || k.source === 'git';
    }
    if (isSignal(s, 'tool-setting')) return s.key.setting === 'proxy' || HTTPS_PROXY_VAR.test(settingVariable(s) ?? '');
    if (isSignal(s, 'registry')) return s.key.setting === 'proxy' || s.key.setting === 'https-proxy';
    return false;
  },
  /** Proxy settings for plain HTTP only: they still name a proxy host, and many clients use them for HTTPS too. */
  'http-proxy': (s: Signal): boolean => {
    if (isSignal(s, 'proxy')) {
      const k = s.key;
      if (k.source === 'effective') return k.scheme === 'http';
      if (k.source === 'env') return HTTP_PROXY_VAR.test(k.variable);
      return k.source === 'system' && k.setting === 'http';
    }
    return isSignal(s, 'tool-setting') && HTTP_PROXY_VAR.test(settingVariable(s) ?? '');
  },
  /** Anything naming a proxy host, for HTTPS or only for HTTP: where the proxy is, and whose it is. */
  'proxy-host': (s: Signal): boolean => EVIDENCE.proxy(s) || EVIDENCE['http-proxy'](s),
  /** A PAC script in force: proxying depends on the script, the URL names only where it is served. */
  pac: (s: Signal) => isSignal(s, 'proxy') && (s.key.source === 'pac' || (s.key.source === 'system' && s.key.setting === 'pac')),
  /** Package registries: the index, pip's extra index, npm @scope registries (not their proxies). */
  registry: (s: Signal) => isSignal(s, 'registry') && ['registry', 'extra', 'scope'].includes(s.key.setting),
  model: (s: Signal): boolean =>
    isSignal(s, 'model-endpoint') ||
    (isSignal(s, 'tool-setting') && (s.key.setting === 'base-url' || /base_url$/i.test(settingVariable(s) ?? ''))),
  email: (s: Signal) => isSignal(s, 'identity') && s.key.field === 'git-email',
  dns: (s: Signal) => isSignal(s, 'identity') && (s.key.field === 'dns-search' || s.key.field === 'dns-domain'),
  hostname: (s: Signal) => isSignal(s, 'identity') && s.key.field === 'hostname',
} as const;

export type EvidenceKind = keyof typeof EVIDENCE;

export function isKind(signal: Signal, kind: EvidenceKind): boolean {
  return EVIDENCE[kind](signal);
}

const OFF_MODES = new Set(['none', 'off', 'false', '0', 'direct', 'disabled', 'no']);

/**
 * Whether a proxy or PAC signal is in force: it has a value, NO_PROXY does not exclude public hosts
 * (proxy.effective.https is null), and its system source is not switched to another mode.
 */
export function proxyInForce(signal: Signal, all: readonly Signal[]): boolean {
  if (!textOf(signal)) return false;
  if (!isSignal(signal, 'proxy')) return true;
  const key = signal.key;
  // A PAC answer names a proxy host, or none for DIRECT.
  if (key.source === 'pac-result') return typeof signal.meta?.host === 'string' && signal.meta.host !== '';
  const ok = all.filter((s): s is SignalOf<'proxy'> => s.status === 'ok' && isSignal(s, 'proxy'));
  if (key.source === 'env') {
    const scheme = HTTP_PROXY_VAR.test(key.variable) ? 'http' : 'https';
    const effective = ok.find((s) => s.key.source === 'effective' && s.key.scheme === scheme);
    return !effective || effective.value !== null;
  }
  if (key.source === 'system') {
    const modeSignal = ok.find((s) => s.key.source === 'system' && s.key.system === key.system && s.key.setting === 'mode');
    const mode = String(modeSignal?.value ?? '').toLowerCase();
    if (OFF_MODES.has(mode)) return false;
    if (mode === 'manual' && key.setting === 'pac') return false;
    if ((mode === 'pac' || mode === 'auto-detect') && key.setting !== 'pac') return false;
  }
  return true;
}

/** Proxy and PAC signals in force among `signals` (status ok only). */
export function proxiesInForce(signals: readonly Signal[]): Signal[] {
  return signals.filter((s) => s.status === 'ok' && (isKind(s, 'proxy') || isKind(s, 'pac')) && proxyInForce(s, signals));
}

/** A tool's name for prose ("Claude Code"), the id only for a tool the catalog does not know. */
export function toolName(toolId: string): string {
  return TOOL_CATALOG.find((tool) => tool.id === toolId)?.name ?? toolId;
}

/**
 * A signal as a sentence names it: its kind and key, and the value shown (a list joined, the domain
 * of a git email, or `shown`: the one host of a DNS search list a phrase is about).
 */
export function signalRef(signal: Signal, shown?: string): SignalRef {
  const value = Array.isArray(signal.value) ? signal.value.join(', ') : String(signal.value);
  const email = isSignal(signal, 'identity') && signal.key.field === 'git-email' ? emailDomainOf(signal) : null;
  // A signal's kind and key always belong together: the contract builds Signal from SignalKey.
  const subject = { kind: signal.kind, subject: signal.key } as SignalSubject;
  return {
    ...subject,
    value: shown ?? email ?? value,
    ...(isSignal(signal, 'tool-setting') ? { toolName: toolName(signal.key.toolId) } : {}),
  };
}
