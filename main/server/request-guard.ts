/**
 * Who may talk to the browser host. The server listens on 127.0.0.1 only, but any web page the
 * user visits can make the browser send requests to 127.0.0.1, and any local user can connect.
 * So every request must carry the secret token, and requests a web page could forge are refused:
 *  - Host must name this server (127.0.0.1:PORT or localhost:PORT): defeats DNS rebinding, where
 *    evil.example resolves to 127.0.0.1 and the page becomes "same-origin" with us.
 *  - Origin and Sec-Fetch-Site follow main/service/request-origin.ts (the rule Electron's app://
 *    applies too). A page on another port of 127.0.0.1 counts as "same-site" for cookies, so this
 *    is what keeps it out.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { checkRequestOrigin } from '../service/request-origin.js';

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison that also hides the length of the expected value. */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected)) && given.length === expected.length;
}

export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

export function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export type GuardVerdict = { ok: true; origin: string } | { ok: false; status: 403 | 421; reason: string };

/** Checks Host, Origin and Sec-Fetch-Site; the token is checked per route by the caller. */
export function checkRequestSource(req: IncomingMessage, port: number): GuardVerdict {
  const host = (req.headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { ok: false, status: 421, reason: 'This server only answers requests addressed to itself.' };
  }
  const origin = `http://${host}`;
  const fetchSite = req.headers['sec-fetch-site'];
  const verdict = checkRequestOrigin({ origin: req.headers.origin ?? null, fetchSite: typeof fetchSite === 'string' ? fetchSite : null }, origin);
  return verdict.ok ? { ok: true, origin } : verdict;
}
