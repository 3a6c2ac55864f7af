/**
 * Which signal ids carry which kind of evidence (per the id conventions in contract/snapshot.ts),
 * how to name a signal in a sentence, and whether a proxy setting is actually in force.
 */
import type { Signal } from '../../../contract/snapshot.js';
import { emailDomainOf, textOf } from './signal-values.js';

export const KINDS = {
  timezone: /^timezone\.(?!offset$)[^.]+$/,
  locale: /^locale\.[^.]+$/,
  /** Proxy settings that apply to HTTPS requests and name a proxy host. */
  proxy: /^(proxy\.effective\.https|proxy\.env\.(https_proxy|all_proxy)|proxy\.system\.[^.]+\.(https|socks)|proxy\.pac\.result|tool\.[^.]+\.(proxy(#\d+)?|env\.(https_proxy|all_proxy))|registry\.npm\.(https-)?proxy|registry\.pip\.proxy)$/i,
  /** A PAC script in force: proxying depends on the script, the URL names only where it is served. */
  pac: /^(proxy\.pac|proxy\.system\.[^.]+\.pac)$/,
  /** Package registries: registry.npm, registry.pip.extra, registry.npm.@scope ... (not their proxies). */
  registry: /^registry\.[a-z]+(\.(extra|@[^.]+))?$/,
  model: /^(model\.base-url\.[^.]+|tool\.[^.]+\.(base-url(#\d+)?|env\.[a-z_]*base_url))$/i,
  email: /^identity\.git\.email$/,
  dns: /^identity\.dns\.(search|domain)$/,
  hostname: /^identity\.hostname$/,
} as const;

export type SignalKind = keyof typeof KINDS;

export function isKind(signal: Signal, kind: SignalKind): boolean {
  return KINDS[kind].test(signal.id);
}

const OFF_MODES = new Set(['none', 'off', 'false', '0', 'direct', 'disabled', 'no']);

/**
 * Whether a proxy or PAC signal is in force: it has a value, NO_PROXY does not exclude public hosts
 * (proxy.effective.https is null), and its system source is not switched to another mode.
 */
export function proxyInForce(signal: Signal, all: readonly Signal[]): boolean {
  if (!textOf(signal)) return false;
  // A PAC answer names a proxy host, or none for DIRECT.
  if (signal.id === 'proxy.pac.result') return typeof signal.meta?.host === 'string' && signal.meta.host !== '';
  const find = (id: string) => all.find((s) => s.id === id && s.status === 'ok');
  if (/^proxy\.env\./i.test(signal.id)) {
    const effective = find('proxy.effective.https');
    return !effective || effective.value !== null;
  }
  const system = /^proxy\.system\.([^.]+)\.([^.]+)$/.exec(signal.id);
  if (system) {
    const mode = String(find(`proxy.system.${system[1]}.mode`)?.value ?? '').toLowerCase();
    if (OFF_MODES.has(mode)) return false;
    if (mode === 'manual' && system[2] === 'pac') return false;
    if ((mode === 'pac' || mode === 'auto-detect') && system[2] !== 'pac') return false;
  }
  return true;
}

/** Proxy and PAC signals in force among `signals` (status ok only). */
export function proxiesInForce(signals: readonly Signal[]): Signal[] {
  return signals.filter((s) => s.status === 'ok' && (isKind(s, 'proxy') || isKind(s, 'pac')) && proxyInForce(s, signals));
}

const SYSTEM_NAMES: Readonly<Record<string, string>> = { gnome: 'GNOME', kde: 'KDE', macos: 'macOS', windows: 'Windows' };

/** How a signal reads in a sentence: "time zone Asia/Shanghai", "HTTPS_PROXY=http://proxy:8080". */
export function describeSignal(signal: Signal): string {
  const value = Array.isArray(signal.value) ? signal.value.join(', ') : String(signal.value);
  const parts = signal.id.split('.'); // ids are dotted paths by convention, not domains
  const [head, second] = parts;
  const last = parts.slice(2).join('.');
  if (head === 'timezone') return `time zone ${value}`;
  if (head === 'locale') return second === 'intl' ? `locale ${value}` : `${second}=${value}`;
  if (signal.id === 'proxy.effective.https') return `HTTPS proxy ${value}`;
  if (signal.id === 'proxy.pac') return `PAC script ${value}`;
  if (signal.id === 'proxy.pac.result') return `PAC answer "${value}"`;
  if (head === 'proxy' && second === 'env') return `${last}=${value}`;
  if (head === 'proxy' && second === 'system') {
    const [source = '', key = ''] = parts.slice(2);
    return `${SYSTEM_NAMES[source] ?? source} system ${key === 'pac' ? 'PAC script' : `${key} proxy`} ${value}`;
  }
  if (head === 'registry') {
    if (parts.length === 2) return `${second} registry ${value}`;
    return last === 'extra' || last.startsWith('@') ? `${second} registry ${last} ${value}` : `${second} ${last} ${value}`;
  }
  if (head === 'model') return `${last}=${value}`;
  if (head === 'tool') {
    const key = parts.slice(2).join('.');
    return key.startsWith('env.') ? `${key.slice(4)}=${value} in ${second}'s config` : `${second} ${key} setting ${value}`;
  }
  if (signal.id === 'identity.git.email') return `git user.email domain ${emailDomainOf(signal) ?? value}`;
  if (signal.id === 'identity.dns.search') return `DNS search domain ${value}`;
  if (signal.id === 'identity.dns.domain') return `DNS domain ${value}`;
  if (signal.id === 'identity.hostname') return `hostname ${value}`;
  return `${signal.id} ${value}`;
}
