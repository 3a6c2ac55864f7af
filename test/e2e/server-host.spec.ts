/**
 * The browser host's security in a real browser, independent of the React UI: a tiny page that
 * does what the UI does (token from ?token=, Bearer API call, EventSource) proves the asset
 * cookie, the CSP and the event stream work together; a page on another origin proves the
 * server refuses it even when it knows the token.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, type Host } from './host-fixture.js';

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>host test</title><link rel="stylesheet" href="./style.css"></head>
<body><p id="api">waiting</p><p id="sse">waiting</p><p id="inline">inline script blocked</p>
<script>document.getElementById('inline').textContent = 'inline script ran';</script>
<script type="module" src="./app.js"></script></body></html>`;

const APP = `
const token = new URL(location.href).searchParams.get('token');
const res = await fetch('/api/getSnapshot', { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: '{}' });
document.getElementById('api').textContent = res.status + ' ' + ((await res.json())?.snapshot?.inferences?.[0]?.statement ?? 'none');
const events = new EventSource('/api/events?token=' + encodeURIComponent(token));
const show = (text) => { document.getElementById('sse').textContent = text; };
events.addEventListener('snapshot', (e) => show('snapshot ' + JSON.parse(e.data).snapshot?.takenAt));
events.addEventListener('delta', (e) => show('delta ' + JSON.parse(e.data).takenAt));
`;

let dir: string;
let host: Host;
let foreign: Server;
let foreignOrigin: string;

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'telltale-e2e-host-'));
  await writeFile(join(dir, 'index.html'), PAGE);
  await writeFile(join(dir, 'app.js'), APP);
  await writeFile(join(dir, 'style.css'), 'body { font-family: sans-serif; }');
  host = await startHost(dir);
  foreign = createServer((_req, res) => res.end('<!doctype html><title>another site</title>'));
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await host?.close();
  await new Promise((resolve) => foreign?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

test('loads page and assets with the token, then calls the API and receives events', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') violations.push(msg.text());
  });
  await page.goto(host.server.url);
  await expect(page.locator('#api')).toHaveText('200 You use a proxy for HTTPS traffic.');
  await expect(page.locator('#sse')).toHaveText(/^snapshot 2026-11-24T10:00:0\d\.000Z$/);
  // A new sample reaches the open page over the event stream, as a delta.
  const fresh = await host.monitor.sampleNow();
  await expect(page.locator('#sse')).toHaveText(`delta ${fresh.takenAt}`);
  // The strict CSP blocked the inline script (and said so).
  await expect(page.locator('#inline')).toHaveText('inline script blocked');
  expect(violations.join('\n')).toMatch(/Content Security Policy/);
  await page.screenshot({ path: test.info().outputPath('host-page.png') });
});

test('the asset cookie is HttpOnly and not the token', async ({ page, context }) => {
  await page.goto(host.server.url);
  const cookies = await context.cookies();
  const asset = cookies.find((c) => c.name === `telltale_assets_${host.server.port}`);
  expect(asset).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(asset?.value).not.toBe(host.server.token);
  expect(await page.evaluate('document.cookie')).toBe('');
});

test('without the token the page is refused', async ({ page }) => {
  const response = await page.goto(`http://127.0.0.1:${host.server.port}/`);
  expect(response?.status()).toBe(401);
});

test('another origin cannot use the API, even knowing the token', async ({ page }) => {
  await page.goto(foreignOrigin);
  const target = `http://127.0.0.1:${host.server.port}`;
  const outcome = await page.evaluate(
    async ({ target, token }) => {
      const cors = await fetch(`${target}/api/setPaused`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{"paused":true}',
      }).then(
        (r) => `status ${r.status}`,
        () => 'blocked',
      );
      // A "simple" request needs no preflight, so it reaches the server; the server must refuse it.
      await fetch(`${target}/api/setPaused?token=${token}`, { method: 'POST', mode: 'no-cors', body: '{"paused":true}' }).catch(() => null);
      return cors;
    },
    { target, token: host.server.token },
  );
  expect(outcome).toBe('blocked');
  expect(host.monitor.status.paused).toBe(false);
});
