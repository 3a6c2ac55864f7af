/**
 * What Electron's app:// protocol answers (main/electron/app-request.ts with the real API
 * endpoint and the real UI folder): the UI's files, the API on the same origin, nothing for
 * another host. The renderer has no other way to the main process.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls } from '../../../contract/api.js';
import { routeAppRequest } from '../../../main/electron/app-request.js';
import { serveAppResource } from '../../../main/electron/app-resource.js';
import { APP_ORIGIN } from '../../../main/electron/app-url.js';
import { Monitor } from '../../../main/monitor/monitor.js';
import { createApiEndpoint } from '../../../main/service/api-endpoint.js';
import { monitorOnlyHandlers } from '../../helpers/monitor-handlers.js';
import { churningSnapshots } from '../../helpers/churning-snapshots.js';

let dir: string;
const monitor = new Monitor({ takeSnapshot: churningSnapshots(1), intervalMs: 3_600_000 });
const api = createApiEndpoint({ handlers: monitorOnlyHandlers(monitor), events: monitor });
const route = (request: Request) => routeAppRequest(request, { api: (r) => api.handle(r), ui: (r) => serveAppResource(dir, r) });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'telltale-app-request-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Telltale</title>');
});

afterAll(async () => {
  api.close();
  await rm(dir, { recursive: true, force: true });
});

describe('app:// requests', () => {
  it('serves the UI and, on the same origin, the API', async () => {
    expect(await (await route(new Request(`${APP_ORIGIN}/index.html`))).text()).toContain('<title>Telltale</title>');
    const reply = await route(
      new Request(`${APP_ORIGIN}/api/setPaused`, { method: 'POST', headers: { origin: APP_ORIGIN, 'content-type': 'application/json' }, body: '{"paused":true}' }),
    );
    expect(reply.status).toBe(200);
    expect(apiCalls.setPaused.response.parse(await reply.json()).paused).toBe(true);
    const events = await route(new Request(`${APP_ORIGIN}/api/events`));
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    await events.body?.cancel();
  });

  it('answers nothing for another host, and refuses API calls from another origin', async () => {
    for (const url of ['app://telltale.evil/api/getStatus', 'app://other/index.html']) {
      expect((await route(new Request(url, { method: url.includes('/api/') ? 'POST' : 'GET' }))).status, url).toBe(404);
    }
    const foreign = await route(
      new Request(`${APP_ORIGIN}/api/setPaused`, { method: 'POST', headers: { origin: 'https://example.com', 'content-type': 'application/json' }, body: '{"paused":false}' }),
    );
    expect(foreign.status).toBe(403);
  });
});
