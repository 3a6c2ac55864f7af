/**
 * The built React UI (dist/renderer) served by the real browser host, with a fixed snapshot,
 * driven in Chromium. Skips when the UI has not been built (`npm run build`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startHost, type Host } from './host-fixture.js';

const rendererDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
const built = existsSync(`${rendererDir}index.html`);

test.skip(!built, 'dist/renderer is not built: run `npm run build` first');

let host: Host;

test.beforeAll(async () => {
  host = await startHost(rendererDir);
});

test.afterAll(async () => {
  await host?.close();
});

test('shows the snapshot without CSP violations or page errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${msg.text()} (${msg.location().url})`);
  });
  // The page names its icon, so the browser never asks for a missing /favicon.ico.
  page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
  await page.goto(host.server.url);
  await expect(page).toHaveTitle(/Telltale/);
  await expect(page.getByText('China (CN)').first()).toBeVisible();
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect((await page.request.get(new URL(icon ?? '', page.url()).href)).status()).toBe(200);
  await page.screenshot({ path: test.info().outputPath('app.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('pauses and resumes monitoring through the API', async ({ page }) => {
  await page.goto(host.server.url);
  await page.getByRole('button', { name: 'Pause monitoring' }).click();
  await expect.poll(() => host.monitor.status.paused).toBe(true);
  await page.getByRole('button', { name: 'Resume monitoring' }).click();
  await expect.poll(() => host.monitor.status.paused).toBe(false);
});
