/**
 * `npm run dev`: app://telltale/ answered from Vite's dev server. The URL must be loopback, the dev
 * CSP is the production one plus only the nonce and the dev server, and what the real dev server
 * sends for the renderer (its inline scripts included) carries that nonce, so the CSP lets it run.
 */
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEV_CSP_NONCE_ENV,
  DEV_SERVER_URL_ENV,
  devContentSecurityPolicy,
  devRendererFromEnv,
  parseDevServerUrl,
  serveDevResource,
  type DevRenderer,
} from '../../../main/electron/app-dev-server.js';
import { devNonce, freePort, startRendererDevServer } from '../../../main/scripts/dev.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../main/service/security-headers.js';

const NONCE = 'abcdefghijklmnop0123';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split('; ').map((d) => [d.split(' ')[0] ?? '', d.split(' ').slice(1)]));
}

describe('parseDevServerUrl', () => {
  it('accepts http on loopback with a port', () => {
    expect(parseDevServerUrl('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(parseDevServerUrl('http://localhost:5173')).toBe('http://localhost:5173');
    expect(parseDevServerUrl('http://[::1]:5173/')).toBe('http://[::1]:5173');
  });

  it('refuses anything else', () => {
    for (const bad of ['https://127.0.0.1:5173/', 'http://127.0.0.1/', 'http://evil.example:5173/', 'http://127.0.0.1.evil.example:5173/', 'http://u:p@127.0.0.1:5173/', 'file:///tmp/x', 'nonsense']) {
      expect(() => parseDevServerUrl(bad), bad).toThrow();
    }
  });
});

describe('devContentSecurityPolicy', () => {
  const dev = directives(devContentSecurityPolicy('http://127.0.0.1:5173', NONCE));
  const prod = directives(CONTENT_SECURITY_POLICY);

  it('keeps every production directive and adds only the nonce, the dev server and blob: workers', () => {
    for (const [name, sources] of prod) expect(dev.get(name), name).toEqual(expect.arrayContaining(sources));
    expect(dev.get('script-src')).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(dev.get('style-src')).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:5173', 'ws://127.0.0.1:5173']);
    expect(dev.get('worker-src')).toEqual(['blob:']);
    expect([...dev.keys()].sort()).toEqual([...prod.keys(), 'worker-src'].sort());
    expect([...dev.values()].flat()).not.toContain("'unsafe-inline'");
    expect([...dev.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('refuses a short or malformed nonce', () => {
    expect(() => devContentSecurityPolicy('http://127.0.0.1:5173', 'short')).toThrow(/nonce/);
    expect(() => devContentSecurityPolicy('http://127.0.0.1:5173', `${NONCE}' 'unsafe-inline`)).toThrow(/nonce/);
  });
});

describe('devRendererFromEnv', () => {
  it('is null without a dev server, and validates what it is given', () => {
    expect(devRendererFromEnv({})).toBeNull();
    expect(devRendererFromEnv({ [DEV_SERVER_URL_ENV]: 'http://127.0.0.1:5173/', [DEV_CSP_NONCE_ENV]: NONCE })).toEqual({
      origin: 'http://127.0.0.1:5173',
      csp: devContentSecurityPolicy('http://127.0.0.1:5173', NONCE),
    });
    expect(() => devRendererFromEnv({ [DEV_SERVER_URL_ENV]: 'http://example.com:80/' })).toThrow(/loopback/);
    expect(() => devRendererFromEnv({ [DEV_SERVER_URL_ENV]: 'http://127.0.0.1:5173/' })).toThrow(/nonce/);
  });
});

describe('serveDevResource (fake dev server)', () => {
  const dev: DevRenderer = { origin: 'http://127.0.0.1:5173', csp: devContentSecurityPolicy('http://127.0.0.1:5173', NONCE) };
  const seen: { url: string; init: RequestInit | undefined }[] = [];
  const fakeFetch = (async (url: Parameters<typeof fetch>[0], init?: RequestInit) => {
    seen.push({ url: String(url), init });
    return new Response('export {}', { status: 200, headers: { 'content-type': 'text/javascript', 'set-cookie': 'x=1', 'access-control-allow-origin': '*' } });
  }) as typeof fetch;
  const request = (url: string, method = 'GET', headers: Record<string, string> = {}) => ({ url, method, headers: new Headers(headers) });

  it('maps app://telltale/PATH?QUERY to the dev server, passing on only accept and sec-fetch-dest', async () => {
    const response = await serveDevResource(dev, request('app://telltale/src/main.tsx?t=1', 'GET', { accept: '*/*', 'sec-fetch-dest': 'script', cookie: 'c=1', authorization: 'x' }), fakeFetch);
    expect(seen.at(-1)?.url).toBe('http://127.0.0.1:5173/src/main.tsx?t=1');
    expect(seen.at(-1)?.init?.headers).toEqual({ accept: '*/*', 'sec-fetch-dest': 'script' });
    expect(seen.at(-1)?.init?.redirect).toBe('error');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('export {}');
    expect(response.headers.get('content-type')).toBe('text/javascript');
    expect(response.headers.get('content-security-policy')).toBe(dev.csp);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (name !== 'Content-Security-Policy') expect(response.headers.get(name), name).toBe(value);
    }
    // The dev server's own headers are not passed on.
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('cannot be steered off the dev server', async () => {
    await serveDevResource(dev, request('app://telltale//evil.example/x'), fakeFetch);
    expect(new URL(seen.at(-1)?.url ?? '').origin).toBe(dev.origin);
    await serveDevResource(dev, request('app://telltale/@fs/../../etc/passwd'), fakeFetch);
    expect(new URL(seen.at(-1)?.url ?? '').origin).toBe(dev.origin);
  });

  it('answers only app://telltale/ and only GET or HEAD', async () => {
    const before = seen.length;
    expect((await serveDevResource(dev, request('app://other/index.html'), fakeFetch)).status).toBe(404);
    expect((await serveDevResource(dev, request('app://telltale/index.html', 'POST'), fakeFetch)).status).toBe(405);
    expect(seen.length).toBe(before);
    const head = await serveDevResource(dev, request('app://telltale/index.html', 'HEAD'), fakeFetch);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says so when the dev server is gone', async () => {
    const refused = (async () => {
      throw new Error('connect ECONNREFUSED');
    }) as typeof fetch;
    const response = await serveDevResource(dev, request('app://telltale/index.html'), refused);
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(/did not answer.*npm run dev/);
  });
});

describe('serveDevResource with the real renderer dev server', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const nonce = devNonce();
  let server: ViteDevServer;
  let dev: DevRenderer;

  beforeAll(async () => {
    const port = await freePort();
    server = await startRendererDevServer({ root, port, nonce });
    server.config.logger.info = () => undefined;
    dev = { origin: `http://127.0.0.1:${port}`, csp: devContentSecurityPolicy(`http://127.0.0.1:${port}`, nonce) };
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  const get = (path: string, accept: string) =>
    serveDevResource(dev, { url: `app://telltale${path}`, method: 'GET', headers: new Headers({ accept }) });

  it('serves the page with the nonce on every script and for injected styles', async () => {
    const response = await get('/index.html', 'text/html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(dev.csp);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    // Vite's client, React's refresh preamble (inline) and the app entry.
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}"`);
  });

  it('serves the app entry and Vite’s client as JavaScript, HMR pointed at the dev server', async () => {
    const entry = await get('/src/main.tsx', '*/*');
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
    const client = await (await get('/@vite/client', '*/*')).text();
    expect(client).toContain(`const hmrPort = ${new URL(dev.origin).port}`);
    expect(client).toMatch(/const socketProtocol = "ws"/);
  });

  it('sends the dev CSP when a browser asks the dev server directly', async () => {
    const response = await fetch(`${dev.origin}/index.html`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-security-policy')).toBe(dev.csp);
    await response.arrayBuffer();
  });
});
