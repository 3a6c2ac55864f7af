import type { ReasonCause } from '../../contract/reason.js';
import type { Signal, SignalKey } from '../../contract/snapshot.js';
import { errorSignal, okSignal } from './signal.js';
import { excerpt } from './excerpt.js';
import { redactText } from './secrets/policy.js';
import { MAX_URL_LENGTH, parseUrlish, type UrlParts } from './url.js';

/** The meta every URL-valued signal carries, so inference rules need not re-parse. */
export function urlMeta(url: UrlParts): Record<string, string | number | null> {
  return { host: url.host, port: url.port, scheme: url.scheme };
}

/** Signals whose value must name a proxy server (not a PAC script's address, not a mode). */
function namesProxyServer(about: SignalKey): boolean {
  if (about.kind === 'proxy') {
    const k = about.key;
    return k.source === 'env' || k.source === 'effective' || k.source === 'git' || (k.source === 'system' && k.setting !== 'pac');
  }
  return about.kind === 'registry' && (about.key.setting === 'proxy' || about.key.setting === 'https-proxy');
}

const SWITCH_WORDS = new Set(['on', 'off', 'true', 'false', 'yes', 'no', 'enabled', 'disabled', '1', '0']);

/**
 * Why a value that parses as a URL still names no proxy: a switch (`on`, `true`, `1`), or a bare
 * word with neither scheme nor port (`proxy`: the URL parser would take it for a host). Null when
 * it looks like a proxy: a scheme, a port, a dotted or IP host, or localhost.
 */
export function proxyShapeProblem(text: string): ReasonCause | null {
  const notAddress = (is: 'switch' | 'number' | 'bare-word'): ReasonCause => ({ id: 'reason.proxy.not-an-address', value: excerpt(redactText(text)), is });
  if (SWITCH_WORDS.has(text.toLowerCase())) return notAddress('switch');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return null;
  const host = text.replace(/\/.*$/, '').replace(/:\d+$/, '');
  const hasPort = host !== text.replace(/\/.*$/, '');
  if (hasPort || host.includes('.') || host.includes(':') || host.toLowerCase() === 'localhost') {
    return /^\d+$/.test(host) ? notAddress('number') : null;
  }
  return notAddress('bare-word');
}

/**
 * A signal for a URL-ish value: ok with the redacted URL and meta {host, port, scheme} (host null for
 * file: URLs), or an error
 * whose reason is already redacted. Shared by the proxy, registry and model-endpoint samplers.
 */
export function urlSignal(
  about: SignalKey,
  raw: string,
  source: string,
  options: { defaultScheme?: string; meta?: Signal['meta'] } = {},
): Signal {
  // A file: URL (a local PAC, a local package index) is a path: no host, and not malformed.
  if (/^file:\/\//i.test(raw.trim()) && raw.length <= MAX_URL_LENGTH) {
    return okSignal(about, raw.trim(), source, { host: null, port: null, scheme: 'file', ...options.meta });
  }
  const parsed = parseUrlish(raw, options.defaultScheme);
  if (!parsed.ok) return errorSignal(about, source, parsed.reason);
  const notProxy = namesProxyServer(about) ? proxyShapeProblem(raw.trim()) : null;
  if (notProxy) return errorSignal(about, source, notProxy);
  return okSignal(about, parsed.url.redacted, source, { ...urlMeta(parsed.url), ...options.meta });
}
