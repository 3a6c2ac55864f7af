/**
 * `npm run dev:serve`: the dev server's page reaches the browser host through a bridge that checks
 * the dev session's token, waits while the host restarts, swaps in the host's current token and
 * makes only the dev server's own origin look same-origin to the host.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { HostToken, apiBridge } from '../../../main/scripts/dev.js';

const viteOrigin = 'http://127.0.0.1:5173';
const hostOrigin = 'http://127.0.0.1:7345';
const devToken = 'dev-token-0123456789abcdef';

function middleware(plugin: Plugin): Connect.NextHandleFunction {
  let handler: Connect.NextHandleFunction | undefined;
  const server = { middlewares: { use: (fn: Connect.NextHandleFunction) => void (handler = fn) } } as unknown as ViteDevServer;
  (plugin.configureServer as (s: ViteDevServer) => void)(server);
  if (!handler) throw new Error('no middleware');
  return handler;
}

type Outcome = { passed: boolean; req: IncomingMessage; status?: number; body?: string };

function call(handler: Connect.NextHandleFunction, url: string, headers: Record<string, string> = {}): Promise<Outcome> {
  const req = { url, headers: { ...headers } } as unknown as IncomingMessage;
  return new Promise((resolve) => {
    const res = {
      statusCode: 200,
      setHeader: () => undefined,
      end: (body: string) => resolve({ passed: false, req, status: res.statusCode, body }),
    } as unknown as ServerResponse;
    handler(req as Connect.IncomingMessage, res, () => resolve({ passed: true, req }));
  });
}

describe('apiBridge', () => {
  const host = new HostToken();
  host.set('host-token-1');
  const handler = middleware(apiBridge({ devToken, host, viteOrigin, hostOrigin, waitMs: 200 }));

  it('leaves everything but /api/ alone', async () => {
    const outcome = await call(handler, '/src/main.tsx');
    expect(outcome.passed).toBe(true);
    expect(outcome.req.headers.authorization).toBeUndefined();
  });

  it('refuses a missing or wrong dev token', async () => {
    expect(await call(handler, '/api/getStatus')).toMatchObject({ passed: false, status: 401 });
    expect(await call(handler, '/api/getStatus', { authorization: 'Bearer host-token-1' })).toMatchObject({ passed: false, status: 401 });
    expect(await call(handler, '/api/events?token=wrong')).toMatchObject({ passed: false, status: 401 });
  });

  it('swaps the dev token for the host’s, from the header or the query', async () => {
    const post = await call(handler, '/api/getStatus', { authorization: `Bearer ${devToken}`, origin: viteOrigin });
    expect(post.passed).toBe(true);
    expect(post.req.headers.authorization).toBe('Bearer host-token-1');
    expect(post.req.headers.origin).toBe(hostOrigin);

    const events = await call(handler, `/api/events?token=${devToken}&x=1`);
    expect(events.passed).toBe(true);
    expect(events.req.url).toBe('/api/events?x=1');
    expect(events.req.headers.authorization).toBe('Bearer host-token-1');
  });

  it('passes any other origin on unchanged, for the host to refuse', async () => {
    const outcome = await call(handler, '/api/getStatus', { authorization: `Bearer ${devToken}`, origin: 'http://127.0.0.1:9999' });
    expect(outcome.req.headers.origin).toBe('http://127.0.0.1:9999');
  });

  it('waits for a restarting host, and gives up with 503', async () => {
    host.clear();
    const waiting = call(handler, '/api/getStatus', { authorization: `Bearer ${devToken}` });
    setTimeout(() => host.set('host-token-2'), 20);
    const outcome = await waiting;
    expect(outcome.passed).toBe(true);
    expect(outcome.req.headers.authorization).toBe('Bearer host-token-2');

    host.clear();
    expect(await call(handler, '/api/getStatus', { authorization: `Bearer ${devToken}` })).toMatchObject({ passed: false, status: 503 });
  });
});
