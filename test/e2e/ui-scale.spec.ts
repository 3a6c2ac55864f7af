/**
 * The Connections view with 10,000 connections, served by the real in-process host: the table is
 * virtualized (few rows in the DOM), scrolls to the end, and filters to one row. Frame times while
 * scrolling are measured and reported as an annotation, not asserted (timing goals live in bench/ui.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, type Host } from './host-fixture.js';
import { frameStats, NEEDLE_HOST, rendererDir, scrollFrameTimes, snapshotWithConnections } from './live-fixture.js';

const COUNT = 10_000;
/** The table's own scrolling box. */
const SCROLLER = '.vtable';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/renderer is not built: run `npm run build` first');

let host: Host;

test.beforeAll(async () => {
  host = await startHost(`${rendererDir}/`, await snapshotWithConnections(COUNT));
});

test.afterAll(async () => {
  await host?.close();
});

test('the Connections view stays virtualized and usable with 10,000 connections', async ({ page }) => {
  // 120 scroll steps, each rendering a fresh screen of rows: on a loaded machine that alone can take a minute.
  test.setTimeout(150_000);
  await page.goto(host.server.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Connections', exact: true }).click();
  await expect(page.getByText(`${COUNT.toLocaleString('en')} of ${COUNT.toLocaleString('en')} connections`)).toBeVisible({ timeout: 20_000 });

  const table = page.getByRole('table', { name: 'Connections' });
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  const body = page.getByRole('rowgroup', { name: 'Connection rows' });
  const rendered = await body.getByRole('row').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(200);

  const times = await scrollFrameTimes(page, SCROLLER, 120);
  const describe = (label: string, samples: number[]) => {
    const stats = frameStats(samples);
    return `${label}: median ${stats.medianMs.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms, max ${stats.maxMs.toFixed(1)} ms (${stats.frames} frames)`;
  };
  for (const [type, description] of [
    ['scroll frame interval', describe(`frame interval scrolling ${COUNT} rows`, times.intervals)],
    ['scroll step work', describe(`render + layout per scroll step, ${COUNT} rows`, times.work)],
  ] as const) {
    test.info().annotations.push({ type, description });
    console.log(description);
  }

  // The scroll ended at the bottom: the last row (aria-rowindex counts the header row) is in view.
  const lastRow = body.locator(`[role="row"][aria-rowindex="${COUNT + 1}"]`);
  await expect(lastRow).toBeInViewport();
  expect(await body.getByRole('row').count()).toBeLessThan(200);

  // The keyboard reaches both ends too, moving the focus from row to row.
  await lastRow.getByRole('button').focus();
  await page.keyboard.press('Home');
  await expect(body.locator('[role="row"][aria-rowindex="2"]')).toBeInViewport();
  await expect(body.locator('[role="row"][aria-rowindex="2"]:focus-within')).toHaveCount(1);
  await expect(lastRow).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(lastRow).toBeInViewport();
  await expect(body.locator(`[role="row"][aria-rowindex="${COUNT + 1}"]:focus-within`)).toHaveCount(1);

  await page.getByRole('searchbox', { name: 'Filter connections' }).fill(NEEDLE_HOST);
  await expect(page.getByText(`1 of ${COUNT.toLocaleString('en')} connections`)).toBeVisible();
  await expect(body.getByRole('row')).toHaveCount(1);
  const needle = body.getByRole('row').first();
  await expect(needle).toBeInViewport();
  await expect(needle).toContainText('198.51.100.77:');
  await expect(needle).toContainText(NEEDLE_HOST);
});
