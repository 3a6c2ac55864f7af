/**
 * The history, Timeline and notifications on a real `telltale serve`: its own history database and
 * settings file in a temporary state and config dir. A child recognised as Codex CLI (a script
 * named codex.js) starts while the UI is open and opens and closes connections to a local TCP
 * server: the browser shows a toast for the new tool, the Timeline draws the activity, and the
 * tool's page lists the endpoint the history saw.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { rendererDir, startServe, stopChild } from './live-fixture.js';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');
test.describe.configure({ mode: 'serial' });

// Connects to 127.0.0.1:PORT every 300 ms, holding each connection 1 s: connections come and go.
const TOOL = `
const net = require('net');
const port = Number(process.argv[2]);
setInterval(() => {
  const s = net.connect(port, '127.0.0.1');
  s.on('error', () => undefined);
  setTimeout(() => s.destroy(), 1000);
}, 300);
`;

let root: string;
let tcpServer: Server;
const accepted = new Set<Socket>();
let port: number;
let serve: ChildProcess | undefined;
let tool: ChildProcess | undefined;
let url: string;

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'telltale-e2e-history-'));
  await writeFile(join(root, 'codex.js'), TOOL);
  tcpServer = createServer((socket) => {
    accepted.add(socket);
    socket.on('error', () => undefined).on('close', () => accepted.delete(socket));
  });
  await new Promise<void>((resolve) => tcpServer.listen(0, '127.0.0.1', resolve));
  port = (tcpServer.address() as AddressInfo).port;
  ({ child: serve, url } = await startServe({
    PATH: process.env.PATH,
    HOME: join(root, 'home'),
    TZ: 'UTC',
    XDG_STATE_HOME: join(root, 'state'),
    XDG_CONFIG_HOME: join(root, 'config'),
  }));
});

test.afterAll(async () => {
  await Promise.all([stopChild(tool), stopChild(serve)]);
  for (const socket of accepted) socket.destroy();
  await new Promise((resolve) => tcpServer?.close(resolve));
  if (root) await rm(root, { recursive: true, force: true });
});

test('a tool that starts while the UI is open raises a toast, and the Timeline and its page show what it did', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 20_000 });
  // Past the notifier's start-up grace, so this start is news, not the first picture.
  await page.waitForTimeout(4_000);
  tool = spawn(process.execPath, [join(root, 'codex.js'), String(port)], { stdio: 'ignore' });

  const toasts = page.getByRole('region', { name: 'Notifications' });
  await expect(toasts.getByText(/Codex CLI started/).first()).toBeVisible({ timeout: 20_000 });

  // A few samples of coming and going connections.
  await page.waitForTimeout(5_000);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Timeline', exact: true }).click();
  const charts = page.locator('canvas');
  await expect(charts.first()).toBeVisible({ timeout: 15_000 });
  for (const canvas of await charts.all()) {
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(50);
  }
  // The text alternative names the tool that was active.
  await expect(page.getByRole('table').filter({ hasText: 'Codex CLI' }).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/Codex CLI started/).first()).toBeVisible();

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Apps', exact: true }).click();
  await page.getByRole('button', { name: /Codex CLI/ }).first().click();
  await expect(page.getByText(`127.0.0.1`).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(String(port)).first()).toBeVisible();
});
