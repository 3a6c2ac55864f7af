/**
 * Reading hosts, emails and zones out of signals. Producers put the host in meta.host (and the
 * email domain in meta.domain); these fall back to parsing the value so a missing meta loses nothing.
 */
import type { Signal } from '../../../contract/snapshot.js';
import { parseUrlish } from '../url.js';

function metaString(signal: Signal, key: string): string | null {
  const value = signal.meta?.[key];
  return typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : null;
}

function valueStrings(signal: Signal): string[] {
  const { value } = signal;
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.map((v) => v.trim()).filter(Boolean);
  return [];
}

/** Hosts a URL- or domain-valued signal names (one for a URL, several for a DNS search list). */
export function hostsOf(signal: Signal): string[] {
  const list = metaString(signal, 'hosts'); // registry.pip.extra: comma-joined
  if (list) return list.split(',').filter(Boolean);
  const fromMeta = metaString(signal, 'host');
  if (fromMeta) return [fromMeta];
  // GOPROXY-style lists ("https://goproxy.cn,direct") name several URLs in one value.
  return valueStrings(signal)
    .flatMap((text) => text.split(/[\s,|]+/))
    .flatMap((text) => {
      const parsed = parseUrlish(text);
      return parsed.ok ? [parsed.url.host.replace(/\.$/, '')] : [];
    });
}

/** The domain of an email-valued signal ("a@alibaba-inc.com" -> "alibaba-inc.com"). */
export function emailDomainOf(signal: Signal): string | null {
  const fromMeta = metaString(signal, 'domain');
  if (fromMeta) return fromMeta;
  const [email] = valueStrings(signal);
  const at = email?.lastIndexOf('@') ?? -1;
  return email && at > 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : null;
}

/** A non-empty string value. */
export function textOf(signal: Signal): string | null {
  return typeof signal.value === 'string' && signal.value.trim() ? signal.value.trim() : null;
}
