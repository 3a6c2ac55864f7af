/**
 * The browser host over real HTTP on a real loopback port, with the real Monitor and API handlers
 * (the sampler is a fake that returns a fixed snapshot).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls } from '../../contract/api.js';
import { createApiHandlers } from '../../main/service/api-handlers.js';
import { Monitor } from '../../main/monitor/monitor.js';
import { CONTENT_SECURITY_POLICY } from '../../main/service/security-headers.js';
import { startServer, type RunningServer } from '../../main/server/server.js';
import { sampleSnapshot } from '../unit/service/sample-snapshot.js';
import { readEvents } from '../helpers/sse.js';
import { unavailableHistory } from '../../main/history/unavailable.js';
import { openSettingsStore } from '../../main/settings/settings-store.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: RunningServer;
let monitor: Monitor;
let root: string;
let staticDir: string;
let samples = 0;

function send(
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method, headers: { Host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const auth = () => ({ Authorization: `Bearer ${server.token}` });
const postJson = (name: string, body: unknown, headers: Record<string, string> = auth()) =>
  send(`/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'telltale-server-'));
  staticDir = join(root, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Telltale</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("ui");');
  await writeFile(join(staticDir, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, 'secret.txt'), 'TOP SECRET');
  await symlink(join(root, 'secret.txt'), join(staticDir, 'assets', 'leak.txt'));

  monitor = new Monitor({
    takeSnapshot: async () => sampleSnapshot({ takenAt: new Date(Date.UTC(2026, 10, 24, 10, 0, ++samples)).toISOString() }),
  });
  const handlers = createApiHandlers({
    monitor,
    exportSnapshot: (snapshot, format) => ({ filename: `telltale.${format}`, mime: 'application/json', content: JSON.stringify(snapshot) }),
    diffWithCurrent: () => {
      throw new Error('not used here');
    },
    getProbes: () => [],
    history: unavailableHistory('not part of this fixture'),
    settings: openSettingsStore({ file: null }),
  });
  server = await startServer({ staticDir, handlers, events: monitor });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('browser host: where it listens', () => {
  it('binds to 127.0.0.1 on the port it reports, with a long random token in the URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is not reachable on another local address', async () => {
    const { networkInterfaces } = await import('node:os');
    const other = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    const targets = ['127.0.0.2', ...(other ? [other.address] : [])];
    for (const host of targets) {
      const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
        const req = httpRequest({ host, port: server.port, path: '/', timeout: 2000 }, () => resolve(null));
        req.on('error', (e) => resolve(e));
        req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
        req.end();
      });
      expect(error?.code, host).toMatch(/ECONNREFUSED|ETIMEDOUT|EADDRNOTAVAIL/);
    }
  });

  it('refuses a non-loopback host option', async () => {
    await expect(
      startServer({ host: '0.0.0.0' as '127.0.0.1', staticDir, handlers: createApiHandlers({} as never), events: monitor }),
    ).rejects.toThrow(/127\.0\.0\.1/);
  });
});

describe('browser host: authentication', () => {
  it('answers 401 without a token, for the API, the events and the page', async () => {
    expect((await postJson('getSnapshot', {}, {})).status).toBe(401);
    expect((await send('/api/events')).status).toBe(401);
    expect((await send('/')).status).toBe(401);
    expect((await send('/assets/app.js')).status).toBe(401);
  });

  it('answers 401 for a wrong token, in the header, the query or a forged cookie', async () => {
    const wrong = server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A');
    expect((await postJson('getSnapshot', {}, { Authorization: `Bearer ${wrong}` })).status).toBe(401);
    expect((await send(`/?token=${wrong}`)).status).toBe(401);
    expect((await send('/assets/app.js', { headers: { Cookie: `telltale_assets_${server.port}=${server.token}` } })).status).toBe(401);
  });

  it('answers API calls with a good token, with JSON that matches the contract', async () => {
    const sampled = await postJson('sampleNow', {});
    expect(sampled.status).toBe(200);
    expect(sampled.headers['content-type']).toMatch(/^application\/json/);
    const snapshot = apiCalls.sampleNow.response.parse(JSON.parse(sampled.body));
    const current = await postJson('getSnapshot', {});
    expect(apiCalls.getSnapshot.response.parse(JSON.parse(current.body))).toEqual({ seq: monitor.current.seq, snapshot });
    const status = await send(`/api/getStatus?token=${server.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(apiCalls.getStatus.response.parse(JSON.parse(status.body)).lastSampleAt).toBe(snapshot.takenAt);
  });

  it('sets an HttpOnly SameSite=Strict asset cookie on the page load, good for static files only', async () => {
    const page = await send(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const setCookie = page.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^telltale_assets_${server.port}=[A-Za-z0-9_-]+; HttpOnly; SameSite=Strict; Path=/$`));
    const cookie = setCookie.split(';')[0] ?? '';
    expect(cookie).not.toContain(server.token);

    const script = await send('/assets/app.js', { headers: { Cookie: cookie } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("ui");');
    expect((await send('/assets/app.css', { headers: { Cookie: cookie } })).headers['content-type']).toBe('text/css; charset=utf-8');

    // The cookie never authorizes the API or the event stream.
    expect((await postJson('getSnapshot', {}, { Cookie: cookie })).status).toBe(401);
    expect((await send('/api/events', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const reply of [await send(`/?token=${server.token}`), await send('/'), await postJson('getStatus', {})]) {
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('browser host: requests a web page could forge', () => {
  it('refuses a foreign Origin with 403 even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      const reply = await postJson('getSnapshot', {}, { ...auth(), Origin: origin });
      expect(reply.status, origin).toBe(403);
    }
    expect((await postJson('getSnapshot', {}, { ...auth(), Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('refuses cross-site and same-site fetches by Sec-Fetch-Site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      expect((await postJson('getSnapshot', {}, { ...auth(), 'Sec-Fetch-Site': site })).status).toBe(403);
    }
  });

  it('refuses a Host that is not this server (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      const reply = await postJson('getSnapshot', {}, { ...auth(), Host: host });
      expect(reply.status, host).toBe(421);
    }
    expect((await postJson('getSnapshot', {}, { ...auth(), Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('accepts API calls only as POST with a JSON content type', async () => {
    const get = await send(`/api/getSnapshot?token=${server.token}`);
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const form = await send('/api/setPaused', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'text/plain' },
      body: '{"paused":true}',
    });
    expect(form.status).toBe(415);
    expect(monitor.status.paused).toBe(false);
  });

  it('answers 400 for bad JSON or a request the schema refuses, 404 for an unknown call', async () => {
    const bad = await send('/api/setPaused', { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: '{paused' });
    expect(bad.status).toBe(400);
    const invalid = await postJson('setPaused', { paused: 'yes' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error).toContain('setPaused');
    expect((await postJson('rmRf', {})).status).toBe(404);
  });

  it('refuses a body larger than the limit before reading it', async () => {
    const reply = await send('/api/diffWithCurrent', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json', 'Content-Length': String(512 * 1024 * 1024) },
    }).catch((e: NodeJS.ErrnoException) => ({ status: e.code }));
    expect(reply.status).toBe(413);
  });
});

describe('browser host: static files', () => {
  const withToken = (path: string) => `${path}${path.includes('?') ? '&' : '?'}token=${server.token}`;

  it('refuses path traversal, raw and percent-encoded, and symlinks out of the folder', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/leak.txt', '/..%5csecret.txt', '/%00']) {
      const reply = await send(withToken(path));
      expect([403, 404], path).toContain(reply.status);
      expect(reply.body, path).not.toContain('TOP SECRET');
    }
  });

  it('answers 404 for a missing file and 405 for other methods', async () => {
    expect((await send(withToken('/nope.js'))).status).toBe(404);
    expect((await send(withToken('/index.html'), { method: 'DELETE' })).status).toBe(405);
  });
});

describe('browser host: events', () => {
  it('sends status and the numbered snapshot at once, then deltas from that seq and status heartbeats', async () => {
    let n = 0;
    const live = new Monitor({
      takeSnapshot: async () => sampleSnapshot({ takenAt: new Date(Date.UTC(2026, 10, 24, 11, 0, ++n)).toISOString() }),
      intervalMs: 3_600_000,
      heartbeatMs: 50,
    });
    const host = await startServer({ staticDir, handlers: createApiHandlers({} as never), events: live });
    try {
      live.start();
      await live.sampleNow();
      let asked = false;
      const events = await readEvents(host, (seen) => {
        if (seen.length === 2 && !asked) {
          asked = true;
          void live.sampleNow();
        }
        const beats = seen.filter((e) => e.event === 'status' && !(e.data as { sampling: boolean }).sampling).length;
        return seen.some((e) => e.event === 'delta') && beats >= 3;
      });
      expect(events.slice(0, 2).map((e) => e.event)).toEqual(['status', 'snapshot']);
      expect(events[1]?.data).toEqual({ seq: 1, snapshot: expect.objectContaining({ takenAt: '2026-11-24T11:00:01.000Z' }) });
      const deltas = events.filter((e) => e.event === 'delta').map((e) => e.data as { seq: number; baseSeq: number; takenAt: string });
      expect(deltas[0]).toMatchObject({ seq: 2, baseSeq: 1, takenAt: '2026-11-24T11:00:02.000Z' });
      // The whole snapshot went out once, to this client when it came; samples after that are deltas.
      expect(events.filter((e) => e.event === 'snapshot')).toHaveLength(1);
    } finally {
      live.stop();
      await host.close();
    }
  });

  it('sends seq 0 and no snapshot to a client that comes before the first sample, then the first sample whole', async () => {
    const fresh = new Monitor({ takeSnapshot: async () => sampleSnapshot(), intervalMs: 3_600_000 });
    const host = await startServer({ staticDir, handlers: createApiHandlers({} as never), events: fresh });
    try {
      const events = await readEvents(host, (seen) => {
        if (seen.length === 2) void fresh.sampleNow();
        return seen.filter((e) => e.event === 'snapshot').length === 2;
      });
      const snapshots = events.filter((e) => e.event === 'snapshot').map((e) => e.data);
      expect(snapshots).toEqual([{ seq: 0, snapshot: null }, { seq: 1, snapshot: expect.objectContaining({ schemaVersion: 2 }) }]);
    } finally {
      await host.close();
    }
  });

  it('ends open event streams when the server closes', async () => {
    const extra = await startServer({ staticDir, handlers: createApiHandlers({} as never), events: monitor });
    const ended = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: extra.port, path: `/api/events?token=${extra.token}`, headers: { Host: `127.0.0.1:${extra.port}` } },
        (res) => {
          res.once('data', () => void extra.close());
          res.on('end', () => resolve('ended'));
          res.on('error', () => resolve('ended'));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(await ended).toBe('ended');
  });
});
