/**
 * Parses URL-ish values found in env vars and config files ("proxy.corp:8080", "socks5://u:p@h:1080",
 * "http://[::1]:3128") into parts, with credentials already redacted. Never throws.
 */
export interface UrlParts {
  scheme: string;
  host: string;
  port: number | null;
  /** The value with any password (and token-like user part) replaced by "***". */
  redacted: string;
  hasCredentials: boolean;
}

export type UrlResult = { ok: true; url: UrlParts } | { ok: false; reason: string };

export const REDACTED = '***';
const SECRET_PARAM = /token|key|secret|password|passwd|auth|sig/i;

export function parseUrlish(raw: string, defaultScheme = 'http'): UrlResult {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'empty value' };
  if (/\s/.test(text)) return { ok: false, reason: `not a URL (contains whitespace): ${redactInline(text)}` };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `${defaultScheme}://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: `malformed URL: ${redactInline(text)}` };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!host) return { ok: false, reason: `URL has no host: ${redactInline(text)}` };
  const hasCredentials = url.username !== '' || url.password !== '';
  if (url.password) url.password = REDACTED;
  else if (url.username) url.username = REDACTED; // a lone user part is often a token
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  for (const key of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(key)) url.searchParams.set(key, REDACTED);
  }
  // URL adds a "/" path and the default scheme; give the value back as the user wrote it.
  let redacted = url.href;
  if (!text.endsWith('/') && redacted.endsWith('/')) redacted = redacted.slice(0, -1);
  if (withScheme !== text) redacted = redacted.slice(`${defaultScheme}://`.length);
  return {
    ok: true,
    url: { scheme, host, port: url.port ? Number(url.port) : null, redacted, hasCredentials },
  };
}

/** Redacts "user:pass@" in a string that did not parse as a URL, so error reasons stay clean. */
export function redactInline(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/g, `//${REDACTED}@`).replace(/^[^/@\s:]+:[^/@\s]*@/, `${REDACTED}@`);
}
