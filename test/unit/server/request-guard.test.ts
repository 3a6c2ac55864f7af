import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bearerToken, checkRequestSource, cookieValue, generateToken, secretsEqual } from '../../../main/server/request-guard.js';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('request guard', () => {
  it('generates distinct 256-bit URL-safe tokens', () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('compares secrets exactly, whatever their lengths', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abd', 'abc')).toBe(false);
    expect(secretsEqual('ab', 'abc')).toBe(false);
    expect(secretsEqual('', 'abc')).toBe(false);
  });

  it('reads a Bearer token and a named cookie', () => {
    expect(bearerToken(req({ authorization: 'Bearer t0k-en_' }))).toBe('t0k-en_');
    expect(bearerToken(req({ authorization: 'Basic dXNlcjpwYXNz' }))).toBeNull();
    expect(bearerToken(req({}))).toBeNull();
    expect(cookieValue(req({ cookie: 'a=1; telltale_assets_80=xyz; b=2' }), 'telltale_assets_80')).toBe('xyz');
    expect(cookieValue(req({ cookie: 'xtelltale_assets_80=xyz' }), 'telltale_assets_80')).toBeNull();
  });

  it('accepts only our own Host and Origin, and same-origin or user-initiated fetches', () => {
    expect(checkRequestSource(req({ host: '127.0.0.1:8080' }), 8080)).toEqual({ ok: true, origin: 'http://127.0.0.1:8080' });
    expect(checkRequestSource(req({ host: 'LOCALHOST:8080', origin: 'http://localhost:8080', 'sec-fetch-site': 'same-origin' }), 8080)).toMatchObject({ ok: true });
    expect(checkRequestSource(req({ host: '127.0.0.1:8080', 'sec-fetch-site': 'none' }), 8080)).toMatchObject({ ok: true });
    expect(checkRequestSource(req({ host: 'evil.example:8080' }), 8080)).toMatchObject({ ok: false, status: 421 });
    expect(checkRequestSource(req({}), 8080)).toMatchObject({ ok: false, status: 421 });
    // Origin must match the Host actually used, not just any loopback spelling.
    expect(checkRequestSource(req({ host: '127.0.0.1:8080', origin: 'http://localhost:8080' }), 8080)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequestSource(req({ host: '127.0.0.1:8080', 'sec-fetch-site': 'same-site' }), 8080)).toMatchObject({ ok: false, status: 403 });
  });
});
