/**
 * Credentials in URLs and URL-ish values: "scheme://user:pass@host", "user:pass@host" written
 * without a scheme (proxy env values), and secret query parameters. A hand-written scanner, linear
 * in the text: a URL never spans whitespace or quotes, so each such token is scanned on its own, left
 * to right, and every position is visited a bounded number of times.
 *
 * A password may hold an unescaped "@" or "/" ("http://u:p@ss/w@proxy:8080"): the user info runs to
 * the LAST "@" before any "?" or "#", so the whole password is masked, not just its first piece.
 */
import { isMasked, REDACTED } from './mask.js';
import { isSecretParam } from './names.js';

/** What ends a URL-ish token: a URL never spans whitespace or quotes. */
const DELIMITER = /[\s"'<>`]/;
const DELIMITERS = /[\s"'<>`]/g;

/** Characters that end a user name: the user:pass separator and anything a user name cannot hold. */
const USER_END = new Set([':', '/', '@', '=', '(', ')', '[', ']', '?', '#']);

/**
 * For each position, the last "@" at or after it and before the next query or fragment (-1 if none).
 * A "?" or "#" starts one only when query syntax ("=", "&") follows before that "@": in
 * "http://u:p#ss@proxy" it is part of the password. An "@" just after "/" starts a path segment (npm
 * scopes: "http://host:4873/@babel/core"), not a host.
 */
function lastAtFrom(token: string): Int32Array {
  const last = new Int32Array(token.length);
  let at = -1;
  let querySyntax = false;
  for (let i = token.length - 1; i >= 0; i--) {
    const ch = token[i];
    if ((ch === '?' || ch === '#') && querySyntax) at = -1;
    else if (ch === '=' || ch === '&') querySyntax = true;
    else if (ch === '@' && at === -1 && token[i - 1] !== '/') {
      at = i;
      querySyntax = false;
    }
    last[i] = at;
  }
  return last;
}

/** A lone user part that is a credential, not a login name ("https://ghp…@github.com", not "ssh://git@…"). */
const isTokenUser = (user: string): boolean => user.length >= 20 || (user.length >= 8 && /[0-9]/.test(user) && /[A-Za-z]/.test(user));

export interface UserinfoSpan {
  /** First character of the user name. */
  start: number;
  /** The ":" between user and password, or -1 for a lone user part. */
  colon: number;
  /** The "@" that ends the user info. */
  at: number;
}

/** Digits then "/" after "host:" is a port and a path ("host:8080/a@b"), not a password. */
const PORT_THEN_PATH = /^\d+\//;
/** "node:20@sha256:…" is an image digest, "mailto:a@b" an address: neither is user:pass@host. */
const NOT_BARE_USER = /^mailto$/i;
const DIGEST = /^sha(?:256|384|512):/i;

/**
 * The user info of the value starting at `start`: after "://" (`afterScheme`) or at a value start
 * (token start, after "=" or "("). `end` is where the user name ends (the first USER_END character).
 */
function userinfoAt(token: string, start: number, end: number, afterScheme: boolean, lastAt: Int32Array, loneUser: boolean): UserinfoSpan | null {
  const stop = token[end];
  if (stop === '@') {
    // "https://TOKEN@github.com": a lone user part after a scheme is often a token; in a URL value always masked.
    return afterScheme && end > start && (loneUser || isTokenUser(token.slice(start, end))) ? { start, colon: -1, at: end } : null;
  }
  if (stop !== ':' || (!afterScheme && (end === start || NOT_BARE_USER.test(token.slice(start, end))))) return null;
  const at = end + 1 < token.length ? (lastAt[end + 1] ?? -1) : -1;
  if (at <= end + 1) return null; // no "@", or an empty password
  const first = token[end + 1];
  if (first === '/' || first === '@' || PORT_THEN_PATH.test(token.slice(end + 1, Math.min(at, end + 12)))) return null;
  const host = token.slice(at + 1, at + 8);
  // Bare, a host (or nothing: a value cut short) must follow.
  if (!afterScheme && (!/^(?:[A-Za-z0-9[]|$)/.test(host) || DIGEST.test(host))) return null;
  return { start, colon: end, at };
}

/** The next value start at or after `from`: after "=", "(" or "://"; null at the end of the token. */
function nextStart(token: string, from: number): { start: number; afterScheme: boolean } | null {
  for (let i = from; i < token.length; i++) {
    const ch = token[i];
    if (ch === '=' || ch === '(') return { start: i + 1, afterScheme: false };
    if (ch === ':' && token[i + 1] === '/' && token[i + 2] === '/') return { start: i + 3, afterScheme: true };
  }
  return null;
}

/** Every user info in one token, left to right. */
function* userinfos(token: string, loneUser: boolean): Generator<UserinfoSpan> {
  const lastAt = lastAtFrom(token);
  let value: { start: number; afterScheme: boolean } | null = { start: 0, afterScheme: false };
  while (value) {
    let end = value.start;
    while (end < token.length && !USER_END.has(token[end] as string)) end++;
    const span = userinfoAt(token, value.start, end, value.afterScheme, lastAt, loneUser);
    if (span) yield span;
    value = nextStart(token, span ? span.at + 1 : end);
  }
}

/** The user info of a single URL value ("http://u:p@ss/w@proxy:8080"), to escape before parsing it. */
export function userinfoSpan(url: string): UserinfoSpan | null {
  return userinfos(url, true).next().value ?? null;
}

/**
 * Masks passwords in URLs and bare "user:pass@host" values, keeping the user ("http://alice:***@proxy").
 * With `loneUser`, a lone user part after a scheme is masked too ("https://***@github.com").
 */
export function maskUrlCredentials(text: string, loneUser: boolean): string {
  let out = '';
  let copied = 0;
  let scanned = 0;
  // Only tokens holding an "@" can hold credentials: find each "@", then the token around it.
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', scanned)) {
    let start = at;
    while (start > scanned && !DELIMITER.test(text[start - 1] as string)) start--;
    DELIMITERS.lastIndex = at;
    const end = DELIMITERS.exec(text)?.index ?? text.length;
    for (const span of userinfos(text.slice(start, end), loneUser)) {
      const from = start + (span.colon === -1 ? span.start : span.colon + 1);
      if (isMasked(text.slice(from, from + 6))) continue;
      out += `${text.slice(copied, from)}${REDACTED}`;
      copied = start + span.at;
    }
    scanned = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** ?token=..&sig=.. : a parameter name runs to "=", its value to the next separator, so this is linear. */
const QUERY_PARAM = /([?&#;]([A-Za-z0-9_.-]+)=)([^&#\s"'<>]+)/g;

/** Masks the values of secret query parameters ("?api_key=***&page=2"). */
export function maskQueryParams(text: string): string {
  return text.replace(QUERY_PARAM, (match, head: string, name: string, value: string) =>
    !isMasked(value) && isSecretParam(name) ? `${head}${REDACTED}` : match,
  );
}
