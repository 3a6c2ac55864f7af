/**
 * The header's live indicator against the real browser host and Monitor in Chromium: live, paused,
 * stalled (a sample that never finishes) and not running (the host went away). The sampler is a
 * fake that stamps samples with the real time and can be made to hang.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Snapshot } from '../../contract/snapshot.js';
import { createApiHandlers } from '../../main/service/api-handlers.js';
import { Monitor } from '../../main/monitor/monitor.js';
import { startServer, type RunningServer } from '../../main/server/server.js';
import { sampleSnapshot } from '../unit/service/sample-snapshot.js';
import { unavailableHistory } from '../../main/history/unavailable.js';
import { openSettingsStore } from '../../main/settings/settings-store.js';

const rendererDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
test.skip(!existsSync(`${rendererDir}index.html`), 'dist/renderer is not built: run `npm run build` first');

let hang = false;
let monitor: Monitor;
let server: RunningServer | null = null;

test.beforeAll(async () => {
  const takeSnapshot = (): Promise<Snapshot> =>
    hang ? new Promise<Snapshot>(() => undefined) : Promise.resolve(sampleSnapshot({ takenAt: new Date().toISOString() }));
  monitor = new Monitor({ takeSnapshot, intervalMs: 1000, heartbeatMs: 250 });
  const handlers = createApiHandlers({
    monitor,
    exportSnapshot: () => {
      throw new Error('not used here');
    },
    diffWithCurrent: () => {
      throw new Error('not used here');
    },
    getProbes: () => [],
    history: unavailableHistory('not part of this fixture'),
    settings: openSettingsStore({ file: null }),
  });
  server = await startServer({ staticDir: rendererDir, handlers, events: monitor });
  monitor.start();
});

test.afterAll(async () => {
  monitor?.stop();
  await server?.close();
});

test('says live, paused, stalled and not running, each in its own words', async ({ page }) => {
  const running = server as RunningServer;
  await page.goto(running.url);
  const indicator = page.locator('.live[role="status"]');

  await expect(indicator).toHaveClass(/is-live/);
  await expect(indicator).toContainText('Monitoring is live.');
  await expect(indicator).toContainText(/live · (last sample|sampling)/);

  await page.getByRole('button', { name: 'Pause monitoring' }).click();
  await expect(indicator).toHaveClass(/is-paused/);
  await expect(indicator).toContainText('Monitoring is paused.');
  await expect(indicator).toContainText('paused · last sample');
  await page.screenshot({ path: test.info().outputPath('paused.png') });

  hang = true;
  await page.getByRole('button', { name: 'Resume monitoring' }).click();
  // Heartbeats go on; the sample never finishes, so after 3 intervals it is stalled.
  await expect(indicator).toHaveClass(/is-stale/, { timeout: 10_000 });
  await expect(indicator).toContainText(/sampling stalled, last sample \d+ s ago/);
  await expect(indicator).toContainText('Sampling has stalled; the last sample was at');
  await page.screenshot({ path: test.info().outputPath('stalled.png') });

  monitor.stop();
  await running.close();
  server = null;
  await expect(indicator).toHaveClass(/is-down/, { timeout: 15_000 });
  await expect(indicator).toContainText('Telltale is not running');
  await page.screenshot({ path: test.info().outputPath('not-running.png') });
});
