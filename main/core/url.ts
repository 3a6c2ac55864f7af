/**
 * Parses URL-ish values found in env vars and config files ("proxy.corp:8080", "socks5://u:p@h:1080",
 * "http://[::1]:3128") into parts, with credentials already redacted. Never throws.
 */
import type { ReasonCause } from '../../contract/reason.js';
import { excerpt } from './excerpt.js';
import { redactUrl, userinfoSpan } from './secrets/policy.js';

export interface UrlParts {
  scheme: string;
  host: string;
  port: number | null;
  /** The value with any password (and token-like user part) replaced by "***". */
  redacted: string;
  hasCredentials: boolean;
}

export type UrlResult = { ok: true; url: UrlParts } | { ok: false; reason: ReasonCause };

/**
 * Percent-encodes "@", "/", "#", "?" and spaces inside the user info, which users leave unescaped in proxy passwords
 * ("http://u:p@ss/w@proxy:8080"); URL would otherwise end the user info at the first "@" or "/" and
 * take part of the password for the host.
 */
function escapeUserinfo(url: string): string {
  const span = userinfoSpan(url);
  if (!span) return url;
  const userinfo = url.slice(span.start, span.at).replace(/[@/#?\s]/g, (ch) => encodeURIComponent(ch));
  return url.slice(0, span.start) + userinfo + url.slice(span.at);
}

/**
 * Longer than any URL a tool would use (browsers stop near 2 KB, servers near 8 KB). A longer value
 * is refused before any pattern or redaction runs over it, so it costs linear time.
 */
export const MAX_URL_LENGTH = 8192;

export function parseUrlish(raw: string, defaultScheme = 'http'): UrlResult {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: { id: 'reason.url.too-long', length: raw.length, max: MAX_URL_LENGTH } };
  const text = raw.trim();
  if (!text) return { ok: false, reason: { id: 'reason.url.empty' } };
  // Quoted with its user info escaped, so a password holding a space is masked whole.
  if (/\s/.test(text)) return { ok: false, reason: { id: 'reason.url.whitespace', value: excerpt(redactUrl(escapeUserinfo(text))) } };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `${defaultScheme}://${text}`;
  let url: URL;
  try {
    url = new URL(escapeUserinfo(withScheme));
  } catch {
    return { ok: false, reason: { id: 'reason.url.malformed', value: excerpt(redactUrl(text)) } };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!host) return { ok: false, reason: { id: 'reason.url.no-host', value: excerpt(redactUrl(text)) } };
  const hasCredentials = url.username !== '' || url.password !== '';
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  // URL adds a "/" path and the default scheme; give the value back as the user wrote it.
  let href = url.href;
  if (!text.endsWith('/') && href.endsWith('/')) href = href.slice(0, -1);
  if (withScheme !== text) href = href.slice(`${defaultScheme}://`.length);
  return {
    ok: true,
    url: { scheme, host, port: url.port ? Number(url.port) : null, redacted: redactUrl(href), hasCredentials },
  };
}
