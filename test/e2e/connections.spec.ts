/**
 * The Connections view against a real sample of this machine: `telltale serve` samples while this
 * test holds a listening socket on loopback, a loopback connection of its own, and a child that
 * the catalog takes for the Codex CLI holds another (with a secret on its command line). Checks the
 * toggles hide and show those real rows, grouping by app, the command line on demand, keyboard
 * navigation, the filter kept across views, and that no cell is cut at 900x700; axe on the view;
 * and, with no git identity anywhere, that the Signals view calls the git email "not set".
 * Screenshots go to test-results/screenshots/views/ (connections-*), light and dark.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { rendererDir, repoRoot, startServe, stopChild } from './live-fixture.js';
import { checkScreens, holdConnections, SECRET, type HeldConnections } from './connections-fixture.js';
import { seriousViolations } from './page-checks.js';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');
test.describe.configure({ mode: 'serial' });


let held: HeldConnections;
let port: number;
let serve: ChildProcess | undefined;
let url: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  held = await holdConnections('telltale-e2e-connections-');
  port = held.port;
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: join(held.root, 'home'),
    XDG_STATE_HOME: join(held.root, 'state'),
    XDG_CONFIG_HOME: join(held.root, 'config'),
    // No git identity anywhere: the Signals view says "not set".
    GIT_CONFIG_NOSYSTEM: '1',
  };
  ({ child: serve, url } = await startServe(env, 1));
});

test.afterAll(async () => {
  await stopChild(serve);
  await held?.close();
});

const openView = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();
const body = (page: Page) => page.getByRole('rowgroup', { name: 'Connection rows' });
const toggle = (page: Page, kind: string) => page.getByRole('checkbox', { name: new RegExp(`^Show ${kind} \\(`) });

/**
 * The Connections view filtered to our port, once a sample holds all five of our sockets (and,
 * unless `exact`, whatever closed ones of earlier tests linger in TIME_WAIT, which hide as unowned).
 */
async function openFiltered(page: Page, exact = true): Promise<void> {
  await page.goto(url);
  await openView(page, 'Connections');
  await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`127.0.0.1:${port}`);
  // Ours: the listening socket, and both ends of two connections (this process's and the child's).
  await expect(toggle(page, 'loopback')).toHaveAccessibleName(exact ? 'Show loopback (5 hidden)' : /^Show loopback \(([5-9]|\d\d+) hidden\)$/, { timeout: 20_000 });
}

test('loopback and listening sockets are hidden by default; each toggle says how many and shows its real rows', async ({ page }) => {
  await openFiltered(page);
  await expect(toggle(page, 'listening')).toHaveAccessibleName('Show listening (1 hidden)');
  await expect(body(page).getByRole('row')).toHaveCount(0);
  await expect(page.getByText('No connections match.')).toBeVisible();

  await toggle(page, 'loopback').check();
  await expect(toggle(page, 'loopback')).toHaveAccessibleName('Show loopback (5)');
  const rows = body(page).getByRole('row');
  await expect(rows).toHaveCount(4);
  // A readable state, the kernel's name on hover.
  for (const row of await rows.all()) await expect(row.locator('[title="ESTABLISHED"]')).toHaveText('connected');
  // The listening socket is on loopback too: it shows once listening sockets are shown as well.
  await toggle(page, 'listening').check();
  await expect(rows).toHaveCount(5);
  const listening = rows.filter({ has: page.locator('[title="LISTEN"]') });
  await expect(listening).toHaveCount(1);
  await expect(listening).toContainText(String(process.pid));
  await expect(listening).toContainText('listening');
  await toggle(page, 'loopback').uncheck();
  await expect(rows).toHaveCount(0);
});

test("grouped by app: a header per tool with its count, folding; a row's command line on demand, redacted", async ({ page }) => {
  await openFiltered(page);
  await toggle(page, 'loopback').check();
  await page.getByRole('checkbox', { name: 'Group by app' }).check();
  const groups = body(page).getByRole('button', { expanded: true }).filter({ hasText: /\(\d+\)$/ });
  const codexGroup = body(page).getByRole('button', { name: /Codex CLI \(1\)$/ });
  await expect(codexGroup).toBeVisible();
  await expect(body(page).getByRole('button', { name: 'Other processes (3)' })).toBeVisible();
  // The tool's rows come first.
  await expect(groups.first()).toHaveAccessibleName(/Codex CLI/);
  await expect(body(page).getByRole('row')).toHaveCount(2 + 4);

  const codexRow = body(page).getByRole('row').filter({ hasText: String(held.codex.pid) });
  await codexRow.getByRole('button').click();
  const details = body(page).locator('.vtable-details');
  await expect(details).toContainText('codex.cjs');
  await expect(details).toContainText('--api-key=***');
  await expect(page.locator('main')).not.toContainText(SECRET);

  await codexGroup.click();
  await expect(codexGroup).toHaveAttribute('aria-expanded', 'false');
  await expect(codexRow).toHaveCount(0);
  await expect(body(page).getByRole('row')).toHaveCount(2 + 3);
});

test('rows are reached by keyboard with a visible focus; Enter opens and closes the details', async ({ page }) => {
  await openFiltered(page);
  await toggle(page, 'loopback').check();
  // Tab from the last column header lands on the first row.
  await page.getByRole('columnheader', { name: 'State' }).getByRole('button').focus();
  await page.keyboard.press('Tab');
  const focusedRow = body(page).locator('[role="row"]:focus-within');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '2');
  // This tsconfig has no DOM types: the page's getComputedStyle, typed by hand.
  const style = (row: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }).getComputedStyle(row).outlineStyle;
  expect(await focusedRow.evaluate(style)).toBe('solid');
  await page.keyboard.press('ArrowDown');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '3');
  await page.keyboard.press('End');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '5');
  await page.keyboard.press('Home');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '2');

  await page.keyboard.press('Enter');
  await expect(body(page).getByRole('row')).toHaveCount(5);
  await expect(body(page).locator('.vtable-details')).toContainText(/node|codex\.cjs/);
  await expect(page.locator(':focus')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(body(page).getByRole('row')).toHaveCount(4);
});

test('the filter and toggles outlast a visit to another view', async ({ page }) => {
  await openFiltered(page);
  await toggle(page, 'loopback').check();
  await page.getByRole('checkbox', { name: 'Group by app' }).check();
  await openView(page, 'Apps');
  await openView(page, 'Connections');
  await expect(page.getByRole('searchbox', { name: 'Filter connections' })).toHaveValue(`127.0.0.1:${port}`);
  await expect(toggle(page, 'loopback')).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Group by app' })).toBeChecked();
  await expect(body(page).getByRole('row')).toHaveCount(2 + 4);
});

test('nothing is cut at 900x700 (the table scrolls sideways in its own box); axe finds nothing serious; screenshots', async ({ page }) => {
  test.setTimeout(120_000);
  const open = async () => {
    await page.goto(url);
    await openView(page, 'Connections');
    await expect(page.getByRole('status').filter({ hasText: / of \d+ connections/ })).toBeVisible({ timeout: 20_000 });
    // Every kind shown: the widest mix of addresses, states and owners this machine has.
    for (const kind of ['loopback', 'listening', 'without a process']) await toggle(page, kind).check();
    await page.getByRole('checkbox', { name: 'Group by app' }).check();
    await expect(body(page).getByRole('row').first()).toBeVisible();
  };
  await checkScreens(page, open, join(repoRoot, 'test-results', 'screenshots', 'views'), 'connections-all');
  expect(await seriousViolations(page, 'Connections')).toEqual([]);
});

/** Makes the page look hidden and unfocused (as a background tab) or back, as Chromium would tell it. */
async function setAttention(page: Page, looking: boolean): Promise<void> {
  await page.evaluate(`(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => ${looking ? "'visible'" : "'hidden'"} });
    document.hasFocus = () => ${String(looking)};
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event(${looking ? "'focus'" : "'blur'"}));
  })()`);
}

// Last of the tests that count our sockets: the closed ones linger in TIME_WAIT for a minute.
test('a connection opened while the user looks is marked new until seen in view, then fades', async ({ page }) => {
  await openFiltered(page);
  await toggle(page, 'loopback').check();
  await expect(body(page).getByRole('row')).toHaveCount(4);
  await expect(body(page).locator('.is-new')).toHaveCount(0);
  const late = await held.connectLate();
  try {
    // Both of its ends are new: this process's client socket and the accepted one. In view, with
    // the page visible and focused, the real IntersectionObserver reports them seen after a moment.
    const marked = body(page).locator('.is-new');
    await expect(marked).toHaveCount(2, { timeout: 10_000 });
    await expect(marked.first().getByRole('button')).toHaveAccessibleName(/\(new\)$/);
    await expect(marked).toHaveCount(0, { timeout: 5_000 });
    await expect(body(page).getByRole('row')).toHaveCount(6);
    await expect(page.getByRole('button', { name: 'Mark all as seen' })).toHaveCount(0);
  } finally {
    late.destroy();
  }
});

test('rows that appear while the page is hidden stay new until the user comes back and sees them; a count and "mark all as seen"', async ({ page }) => {
  await openFiltered(page, false);
  await toggle(page, 'loopback').check();
  const marked = body(page).locator('.is-new');
  await expect(marked).toHaveCount(0);
  await setAttention(page, false);
  const first = await held.connectLate();
  const second = await held.connectLate();
  try {
    await expect(marked).toHaveCount(4, { timeout: 10_000 });
    await expect(page.locator('.unseen-count')).toHaveText('4 new, not yet seen');
    // Several samples later (one a second) they are still new: nobody has looked.
    await page.waitForTimeout(3_000);
    await expect(marked).toHaveCount(4);
    // Back: rows in view are seen after a moment and fade; the count goes with them.
    await setAttention(page, true);
    await expect(marked).toHaveCount(0, { timeout: 5_000 });
    await expect(page.locator('.unseen-count')).toHaveCount(0);

    // Hidden again: "mark all as seen" clears them at once, whatever is in view.
    await setAttention(page, false);
    first.destroy();
    second.destroy();
    const third = await held.connectLate();
    try {
      await expect(marked).toHaveCount(2, { timeout: 10_000 });
      await page.getByRole('button', { name: 'Mark all as seen' }).click();
      await expect(marked).toHaveCount(0);
      await expect(page.locator('.unseen-count')).toHaveCount(0);
    } finally {
      third.destroy();
    }
  } finally {
    first.destroy();
    second.destroy();
  }
});

test('Signals: a git email never set is a neutral "not set"; names for people, ids on hover, no badge on values read', async ({ page }) => {
  await page.goto(url);
  await openView(page, 'Signals');
  const label = page.getByRole('cell', { name: 'git email (user.email)', exact: true });
  await expect(label).toHaveAttribute('title', 'identity.git.email');
  const row = page.getByRole('row').filter({ has: label });
  await expect(row.locator('.badge')).toHaveText('not set');
  await expect(row).not.toContainText(/failed|error/);
  // A value that was read carries no badge (its state is still there for screen readers).
  const zone = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Time zone programs see (Intl)', exact: true }) });
  await expect(zone.locator('.badge')).toHaveCount(0);
  await expect(zone).toContainText('read');
});
