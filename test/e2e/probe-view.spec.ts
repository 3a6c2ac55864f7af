/**
 * Probe results in the app, from real probe runs of fake tools saved where `telltale serve` reads
 * them: a covert tool run as "claude.mjs" (so the catalog names it Claude Code) after an earlier
 * probe of a Claude Code that is not signed in (failed), and a tool that phones home, run as
 * "gemini.mjs". The machine itself discloses nothing (TZ=UTC, no proxy): the exposure and the
 * 2026 check's row are what the probe proved. Checks the verdict badges, one card per tool with
 * older probes folded, the reached-hosts table, the finding on the tool's page, axe on Probe, and
 * writes screenshots at 1400x900 and 900x700, light and dark, to test-results/screenshots/views/.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { rendererDir, repoRoot, runCli, startServe, stopChild } from './live-fixture.js';
import { forEachScreen, seriousViolations } from './page-checks.js';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');
test.describe.configure({ mode: 'serial' });

const fakeTool = (name: string) => join(repoRoot, 'test', 'fixtures', 'fake-tools', name);

let root: string;
let serve: ChildProcess | undefined;
let url: string;

const openView = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();
const claudeCard = (page: Page) => page.getByRole('article', { name: 'Claude Code' });

async function openProbe(page: Page): Promise<void> {
  await page.goto(url);
  await openView(page, 'Probe');
  await expect(claudeCard(page)).toBeVisible({ timeout: 30_000 });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = await mkdtemp(join(tmpdir(), 'telltale-e2e-probe-'));
  const home = join(root, 'home');
  await mkdir(home);
  // Claude Code and Gemini CLI on PATH, so both are "installed" and have a page.
  await mkdir(join(root, 'bin'));
  for (const bin of ['claude', 'gemini']) await writeFile(join(root, 'bin', bin), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  // The fake tools under the names the catalog recognises (node resolves their imports from the real path).
  await mkdir(join(root, 'old'));
  await mkdir(join(root, 'tools'));
  await symlink(fakeTool('not-logged-in-tool.mjs'), join(root, 'old', 'claude.mjs'));
  await symlink(fakeTool('covert-tool.mjs'), join(root, 'tools', 'claude.mjs'));
  await symlink(fakeTool('telemetry-tool.mjs'), join(root, 'tools', 'gemini.mjs'));
  const env = {
    PATH: `${join(root, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: home,
    TZ: 'UTC',
    LANG: 'C.UTF-8',
    XDG_STATE_HOME: join(root, 'state'),
    XDG_CONFIG_HOME: join(root, 'config'),
  };
  // Unisolated, so it works where user namespaces are not allowed (isolation is the probe's own tests').
  const probe = (args: string[]) => runCli(['probe', '--no-isolation', '--state-dir', join(root, 'state', 'telltale'), ...args], env);
  // The probe of a tool that is not signed in fails (exit 1), and its report is saved all the same.
  await expect(probe(['--factor', 'timezone', '--', process.execPath, join(root, 'old', 'claude.mjs')])).rejects.toThrow(/report saved to/);
  await Promise.all([
    probe(['--', process.execPath, join(root, 'tools', 'claude.mjs'), '--now', '2026-11-24T10:00:00Z']),
    probe(['--factor', 'timezone,proxy', '--timezones', 'Asia/Shanghai,Europe/Berlin', '--', process.execPath, join(root, 'tools', 'gemini.mjs'), '--when', 'always']),
  ]);
  ({ child: serve, url } = await startServe(env, 2));
});

test.afterAll(async () => {
  await stopChild(serve);
  if (root) await rm(root, { recursive: true, force: true });
});

test('one card per tool with its verdict and date; older probes folded; the hosts a tool tried', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openProbe(page);
  // Two tools, two cards: three reports, no duplicated rows; the latest probe first.
  await expect(page.locator('article.probe-report')).toHaveCount(2);
  const claude = claudeCard(page);
  await expect(claude.locator('.card-head')).toContainText('Covert channel found');
  await expect(claude.locator('.probe-facts').first()).toContainText(/Probed \d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\)/);
  // The findings, with the look-alike named by its code point.
  const findings = claude.getByRole('list', { name: 'Findings of the probe of Claude Code' }).first();
  await expect(findings).toContainText('Time zone (TZ)');
  await expect(findings).toContainText('Asia/Shanghai');
  await expect(claude.getByText('U+02BC MODIFIER LETTER APOSTROPHE').first()).toBeVisible();
  await expect(claude.getByText(/2026-11-24 became 2026\/11\/24/).first()).toBeVisible();
  // The earlier, failed probe is one click away, with its own badge.
  const earlier = claude.locator('details.earlier-probes');
  await expect(earlier.locator('> summary')).toHaveText('Earlier probes of Claude Code (1)');
  await earlier.locator('> summary').click();
  await expect(earlier.locator('details.earlier-probe > summary')).toContainText('Failed');

  const gemini = page.getByRole('article', { name: 'Gemini CLI' });
  const reached = gemini.getByRole('table', { name: 'Hosts Gemini CLI tried to reach' });
  const telemetry = reached.getByRole('row').filter({ hasText: 'telemetry.fake-vendor.example' });
  await expect(telemetry).toContainText('CONNECT through the proxy');
  await expect(telemetry).toContainText('443');
  // What the list could not include unisolated, and why.
  await expect(gemini.getByText(/not isolated/).first()).toBeVisible();
  // Names, not ids.
  await expect(page.locator('section.probe')).not.toContainText('claude-code');
});

test("the covert finding raises the exposure, is on Claude Code's page and proves the 2026 check", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(url);
  // This machine discloses nothing by itself (TZ=UTC, no proxy): the probe makes it high.
  const check = page.locator('[data-question="check-2026"]');
  await expect(check.locator('> summary')).toContainText('Seen by a probe', { timeout: 30_000 });
  await expect(check.locator('> summary')).toContainText('Would not flag you');
  await expect(page.locator('.question').first()).toHaveAttribute('data-question', 'check-2026');
  await expect(page.getByText('High exposure', { exact: true })).toHaveCount(1);
  await check.locator('> summary').click();
  await expect(check.getByRole('heading', { name: 'What a probe saw a tool do' })).toBeVisible();
  await expect(check.locator('ul.proof')).toContainText('Claude Code: The tool could tell its vendor your time zone is in China (Asia/Shanghai)');

  await openView(page, 'Apps');
  await page.getByRole('button', { name: 'Claude Code', exact: true }).click();
  const detail = page.locator('.tool-detail');
  const probed = detail.locator('section.tool-probe');
  await expect(probed.getByRole('heading', { name: /What a probe saw Claude Code send/ })).toContainText('Covert channel found');
  await expect(probed.getByRole('list', { name: 'Probe findings of Claude Code' })).toContainText('Asia/Shanghai');
  await expect(probed).toContainText('1 earlier probe in the Probe view.');
  await expect(detail.locator('.card-head')).toContainText('High exposure');
});

test('axe finds nothing critical or serious on Probe with reports, all details open', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openProbe(page);
  await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
  expect(await seriousViolations(page, 'Probe')).toEqual([]);
});

test('screenshots of Probe with reports and of the probed tool, 1400x900 and 900x700, light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  await forEachScreen(page, async ({ width, height, colorScheme }) => {
    const suffix = `${width}x${height}-${colorScheme}.png`;
    await openProbe(page);
    await page.screenshot({ path: join(repoRoot, 'test-results', 'screenshots', 'views', `probe-reports-${suffix}`) });
    await openView(page, 'Apps');
    await page.getByRole('button', { name: 'Claude Code', exact: true }).click();
    await page.locator('section.tool-probe').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(repoRoot, 'test-results', 'screenshots', 'views', `apps-probed-tool-${suffix}`) });
    await openView(page, 'Overview');
    await page.screenshot({ path: join(repoRoot, 'test-results', 'screenshots', 'views', `overview-probe-proof-${suffix}`) });
  });
});
