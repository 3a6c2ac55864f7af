/**
 * What the host pushes besides samples: notifications become toasts (browser host only), settings
 * changed elsewhere reach the Settings view, and precise capture shows as a badge. Also the
 * Timeline without a history store says why. Real host, in-memory fixtures, Chromium.
 */
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { ApiEventName } from '../../contract/api.js';
import type { AppNotification } from '../../contract/notification.js';
import { Settings } from '../../contract/settings.js';
import { TOAST_MS } from '../../renderer/src/lib/toasts.js';
import { startHost, type Host } from './host-fixture.js';
import { rendererDir } from './live-fixture.js';

test.skip(!existsSync(`${rendererDir}/index.html`), 'dist/renderer is not built: run `npm run build` first');

let host: Host;

test.beforeAll(async () => {
  host = await startHost(`${rendererDir}/`, {}, { capture: { mode: 'precise', reason: null, pollMs: null } });
});

test.afterAll(async () => {
  await host?.close();
});

/**
 * Whether the host's event stream forwards `event` at all: `send` one while reading the stream.
 * (The stream forwards every contract event once the notifier's hub is wired into the server.)
 */
async function streamCarries(event: ApiEventName, send: () => void): Promise<boolean> {
  const url = new URL('/api/events', host.server.url);
  url.search = new URLSearchParams({ token: host.server.token }).toString();
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body?.getReader();
  if (!reader) return false;
  const decoder = new TextDecoder();
  let text = '';
  const read = async (until: string, ms: number) => {
    const deadline = Date.now() + ms;
    while (!text.includes(until) && Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text.includes(until);
  };
  try {
    await read('event: snapshot', 5000);
    send();
    return await read(`event: ${event}\n`, 1000);
  } finally {
    controller.abort();
  }
}

const notification = (id: string, title: string): AppNotification => ({
  id,
  at: new Date().toISOString(),
  rule: 'tool-started',
  toolId: 'claude-code',
  title,
  body: 'Claude Code (pid 4242) started.',
  folded: 2,
});

test('a notification shows as a toast that can be dismissed', async ({ page }) => {
  test.skip(!(await streamCarries('notification', () => host.notify(notification('probe', 'probe')))), 'this host does not forward notification events yet');
  // A fake clock, so the auto-hide can be checked without waiting for it.
  await page.clock.install();
  await page.goto(host.server.url);
  await expect(page.getByText('China (CN)').first()).toBeVisible();
  host.notify(notification('n1', 'Claude Code started'));
  const toasts = page.getByRole('region', { name: 'Notifications' });
  await expect(toasts.getByText('Claude Code started')).toBeVisible();
  await expect(toasts).toContainText('(and 2 more like it)');
  await expect(toasts).toHaveAttribute('aria-live', 'polite');
  for (const n of [2, 3, 4]) host.notify(notification(`n${n}`, `Toast ${n}`));
  // At most three on screen: the oldest went.
  await expect(toasts.getByRole('listitem')).toHaveCount(3);
  await expect(toasts.getByText('Claude Code started')).toHaveCount(0);
  await toasts.getByRole('button', { name: 'Dismiss: Toast 4' }).click();
  await expect(toasts.getByRole('listitem')).toHaveCount(2);
  await expect(toasts.getByText('Toast 4')).toHaveCount(0);

  // The rest hide by themselves, unless the pointer rests on one.
  await page.mouse.move(1, 1);
  await page.clock.fastForward(TOAST_MS + 1000);
  await expect(toasts.getByRole('listitem')).toHaveCount(0);
});

test('settings changed elsewhere show up in the Settings view', async ({ page }) => {
  test.skip(!(await streamCarries('settings', () => host.setSettings(Settings.parse({})))), 'this host does not forward settings events yet');
  await page.goto(host.server.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Seconds between samples')).toHaveValue('5');
  host.setSettings(Settings.parse({ intervalSeconds: 42, launchAtLogin: true }));
  await expect(page.getByLabel('Seconds between samples')).toHaveValue('42');
  await expect(page.getByLabel('Launch at login')).toBeChecked();
});

test('precise capture shows as a badge; the Timeline says why there is no history', async ({ page }) => {
  await page.goto(host.server.url);
  const nav = page.getByRole('navigation', { name: 'Views' });
  await nav.getByRole('button', { name: 'Connections', exact: true }).click();
  await expect(page.getByText('precise capture', { exact: true })).toBeVisible();
  await expect(page.getByText('Connections shorter than the interval may be missed')).toHaveCount(0);
  await nav.getByRole('button', { name: 'Timeline', exact: true }).click();
  await expect(page.getByText('No history is being kept.')).toBeVisible();
  await expect(page.getByText('not part of this fixture')).toBeVisible();
  await expect(page.locator('.chart canvas')).toHaveCount(0);
});
