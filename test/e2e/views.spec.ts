/**
 * The views against a realistic machine: `telltale serve` samples a HOME with Claude Code pointed at
 * Moonshot, an alibaba-inc.com git email and an npm mirror, started with Asia/Shanghai, zh_CN and a
 * local proxy. Checks the Overview fits one screen, the what-if (UI and CLI) against a fresh
 * snapshot of the changed machine, axe on every view, and writes screenshots of every view at
 * 1400x900 and 900x700, light and dark, to test-results/screenshots/views/.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Snapshot } from '../../contract/snapshot.js';
import { WhatIfResult } from '../../contract/whatif.js';
import { overviewRows } from '../../common/overview.js';
import { VIEW_IDS, VIEW_LABELS } from '../../renderer/src/lib/views.js';
import { translator } from '../../common/i18n/translate.js';
import { rendererDir, repoRoot, runCli, startServe, stopChild, realisticMachine } from './live-fixture.js';
import { forEachScreen, seriousViolations } from './page-checks.js';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');
test.describe.configure({ mode: 'serial' });

/** The views by their English names, as the navigation's buttons are named in English. */
const english = translator('en');
const VIEWS = VIEW_IDS.map((id) => english(VIEW_LABELS[id]));


let root: string;
let serve: ChildProcess | undefined;
let url: string;
let env: Record<string, string>;

const openView = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();

async function waitForSample(page: Page): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.question').first()).toBeVisible({ timeout: 30_000 });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = await mkdtemp(join(tmpdir(), 'telltale-e2e-views-'));
  // A second tool on PATH (any machine): Gemini CLI, so a page of a tool other than Claude Code exists.
  env = await realisticMachine(root, ['gemini']);
  ({ child: serve, url } = await startServe(env, 2));
});

test.afterAll(async () => {
  await stopChild(serve);
  if (root) await rm(root, { recursive: true, force: true });
});

test('the Overview answers the five questions inside the first screen at 1400x900, a flagged 2026 check first', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await waitForSample(page);
  const rows = page.locator('.question > summary');
  await expect(rows).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    const box = await rows.nth(i).boundingBox();
    expect(box, `row ${i}`).not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(900);
  }
  await expect(page.locator('.question').first()).toHaveAttribute('data-question', 'check-2026');
  await expect(rows.first()).toContainText('Would flag you');
  await expect(page.locator('[data-question="country"] > summary')).toContainText('China (CN)');
  await expect(page.locator('[data-question="employer"] > summary')).toContainText('Alibaba');
  // The exposure level is said once on the page.
  await expect(page.getByText('High exposure', { exact: true })).toHaveCount(1);
  // A row opens to its evidence and advice.
  await page.locator('[data-question="country"] > summary').click();
  await expect(page.locator('[data-question="country"]').getByRole('heading', { name: 'Evidence' })).toBeVisible();
});

test('what-if in the UI and the CLI equals a fresh snapshot taken with the changed environment', async ({ page }) => {
  test.setTimeout(120_000);
  const { HTTPS_PROXY: _unset, ...withoutProxy } = env;
  const changedEnv = { ...withoutProxy, TZ: 'UTC' };
  const [fresh, cli] = await Promise.all([
    runCli(['snapshot', '--json'], changedEnv).then(({ stdout }) => Snapshot.parse(JSON.parse(stdout))),
    runCli(['whatif', '--json', '--unset', 'HTTPS_PROXY', '--tz', 'UTC'], env).then(({ stdout }) => WhatIfResult.parse(JSON.parse(stdout))),
  ]);
  expect(cli.after.inferences).toEqual(fresh.inferences);
  expect(cli.after.checks).toEqual(fresh.checks);
  expect(cli.after.exposure).toEqual(fresh.exposure);

  await page.setViewportSize({ width: 1400, height: 900 });
  await waitForSample(page);
  await openView(page, 'What if');
  await page.getByRole('checkbox', { name: 'Unset HTTPS_PROXY' }).check();
  await page.getByRole('checkbox', { name: /^Time zone UTC/ }).check();
  const table = page.getByRole('table', { name: 'Now and with these changes' });
  await expect(table.locator('tr.changed[data-question="proxy"]')).toBeVisible({ timeout: 15_000 });
  for (const row of overviewRows(fresh.inferences, fresh.checks ?? [], 'en')) {
    const cell = table.locator(`tr[data-question="${row.question}"] td`).last();
    await expect(cell).toContainText(row.verdict);
    if (row.confidence) await expect(cell).toContainText(row.confidence);
  }
});

test('axe finds nothing critical or serious in any view', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await waitForSample(page);
  const found: string[] = [];
  for (const view of VIEWS) {
    await openView(page, view);
    await page.waitForTimeout(500);
    found.push(...(await seriousViolations(page, view)));
  }
  expect(found).toEqual([]);
});

test('screenshots of every view at 1400x900 and 900x700, light and dark', async ({ page }) => {
  test.setTimeout(240_000);
  await forEachScreen(page, async ({ width, height, colorScheme }) => {
    await waitForSample(page);
    for (const view of VIEWS) {
      await openView(page, view);
      await page.waitForTimeout(400);
      const name = `${view.toLowerCase().replace(/\s+/g, '-')}-${width}x${height}-${colorScheme}.png`;
      await page.screenshot({ path: join(repoRoot, 'test-results', 'screenshots', 'views', name) });
    }
  });
});

test("a tool's page shows only its own advice, names not ids", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await waitForSample(page);
  await openView(page, 'Apps');
  await page.getByRole('button', { name: 'Gemini CLI', exact: true }).click();
  const detail = page.locator('.tool-detail');
  await expect(detail.getByRole('heading', { name: /^Gemini CLI/, level: 3 })).toBeVisible();
  for (const summary of await detail.locator('.question > summary').all()) await summary.click();
  await expect(detail.locator('.advice').first()).toBeVisible();
  await expect(detail).not.toContainText('(for Claude Code)');
  await expect(detail).not.toContainText('claude-code');
});
