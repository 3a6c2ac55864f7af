import type { Signal, SignalKey } from '../../contract/snapshot.js';
import { errorSignal, okSignal } from './signal.js';
import { parseUrlish, type UrlParts } from './url.js';

/** The meta every URL-valued signal carries, so inference rules need not re-parse. */
export function urlMeta(url: UrlParts): Record<string, string | number | null> {
  return { host: url.host, port: url.port, scheme: url.scheme };
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
  if (/^file:\/\//i.test(raw.trim())) {
    return okSignal(about, raw.trim(), source, { host: null, port: null, scheme: 'file', ...options.meta });
  }
  const parsed = parseUrlish(raw, options.defaultScheme);
  if (!parsed.ok) return errorSignal(about, source, parsed.reason);
  return okSignal(about, parsed.url.redacted, source, { ...urlMeta(parsed.url), ...options.meta });
}
