/**
 * The Connections view against a real sample of this machine: `telltale serve` samples while this
 * test holds a listening socket on loopback, a loopback connection of its own, and a child that
 * the catalog takes for the Codex CLI holds another (with a secret on its command line). Checks the
 * toggles hide and show those real rows, grouping by app, the command line on demand, keyboard
 * navigation, the filter kept across views, and that no cell is cut at 900x700; axe on the view;
 * and, with no git identity anywhere, that the Signals view calls the git email "not set".
 * Screenshots go to test-results/screenshots/views/ (connections-*), light and dark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { rendererDir, repoRoot, startServe, stopChild } from './live-fixture.js';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');
test.describe.configure({ mode: 'serial' });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SECRET = 'hunter2-e2e-secret';

let root: string;
let server: Server;
let port: number;
const accepted = new Set<Socket>();
let client: Socket;
let codex: ChildProcess | undefined;
let serve: ChildProcess | undefined;
let url: string;

/** A child whose script lives where the Codex CLI's does, holding a connection to 127.0.0.1:port. */
async function holdAsCodex(dir: string): Promise<ChildProcess> {
  const script = join(dir, 'node_modules', '@openai', 'codex', 'bin', 'codex.cjs');
  await mkdir(join(script, '..'), { recursive: true });
  await writeFile(script, `require('net').connect(Number(process.argv[2]), '127.0.0.1', () => console.log('connected')).on('error', () => process.exit(1)); setInterval(() => {}, 1e6);`);
  const child = spawn(process.execPath, [script, String(port), `--api-key=${SECRET}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('connected') && resolve());
    child.once('exit', (code) => reject(new Error(`the Codex stand-in exited ${String(code)}`)));
  });
  return child;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = await mkdtemp(join(tmpdir(), 'telltale-e2e-connections-'));
  server = createServer((socket) => {
    accepted.add(socket);
    socket.on('error', () => undefined).on('close', () => accepted.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  client = await new Promise<Socket>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket)).on('error', reject);
  });
  codex = await holdAsCodex(root);
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: join(root, 'home'),
    XDG_STATE_HOME: join(root, 'state'),
    XDG_CONFIG_HOME: join(root, 'config'),
    // No git identity anywhere: the Signals view says "not set".
    GIT_CONFIG_NOSYSTEM: '1',
  };
  ({ child: serve, url } = await startServe(env, 1));
});

test.afterAll(async () => {
  await stopChild(serve);
  await stopChild(codex);
  client?.destroy();
  for (const socket of accepted) socket.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (root) await rm(root, { recursive: true, force: true });
});

const openView = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();
const body = (page: Page) => page.getByRole('rowgroup', { name: 'Connection rows' });
const toggle = (page: Page, kind: string) => page.getByRole('checkbox', { name: new RegExp(`^Show ${kind} \\(`) });

/** The Connections view filtered to our port, once a sample holds all five of our sockets. */
async function openFiltered(page: Page): Promise<void> {
  await page.goto(url);
  await openView(page, 'Connections');
  await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`127.0.0.1:${port}`);
  // Ours: the listening socket, and both ends of two connections (this process's and the child's).
  await expect(toggle(page, 'loopback')).toHaveAccessibleName('Show loopback (5 hidden)', { timeout: 20_000 });
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
  for (const row of await rows.all()) await expect(row).toContainText('ESTABLISHED');
  // The listening socket is on loopback too: it shows once listening sockets are shown as well.
  await toggle(page, 'listening').check();
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: 'LISTEN' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'LISTEN' })).toContainText(String(process.pid));
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

  const codexRow = body(page).getByRole('row').filter({ hasText: String(codex?.pid) });
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

/** Cells (and headers) of the view whose text does not fit: scrollWidth beyond clientWidth. */
function cutCells(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.connections [role=cell], .connections [role=columnheader], .connections td, .connections th')]
    .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
    .map((cell) => cell.textContent.slice(0, 60) + ' (' + cell.scrollWidth + ' > ' + cell.clientWidth + ')')`);
}

test('nothing is cut at 900x700 (the table scrolls sideways in its own box); axe finds nothing serious; screenshots', async ({ page }) => {
  test.setTimeout(120_000);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of [
      { width: 1400, height: 900 },
      { width: 900, height: 700 },
    ]) {
      await page.setViewportSize(size);
      await page.goto(url);
      await openView(page, 'Connections');
      await expect(page.getByRole('status').filter({ hasText: / of \d+ connections/ })).toBeVisible({ timeout: 20_000 });
      // Every kind shown: the widest mix of addresses, states and owners this machine has.
      for (const kind of ['loopback', 'listening', 'without a process']) await toggle(page, kind).check();
      await page.getByRole('checkbox', { name: 'Group by app' }).check();
      await expect(body(page).getByRole('row').first()).toBeVisible();
      expect(await cutCells(page), `cut cells at ${size.width}x${size.height}`).toEqual([]);
      // The page itself does not scroll sideways: only the table's box does.
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await page.screenshot({ path: join(repoRoot, 'test-results', 'screenshots', 'views', `connections-all-${size.width}x${size.height}-${colorScheme}.png`) });
    }
  }
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`,
  );
  expect(violations).toEqual([]);
});

// Last of the tests that count our sockets: the closed one lingers in TIME_WAIT for a minute.
test('a connection opened while the view is open is marked new for a few seconds', async ({ page }) => {
  await openFiltered(page);
  await toggle(page, 'loopback').check();
  await expect(body(page).getByRole('row')).toHaveCount(4);
  await expect(body(page).locator('.is-new')).toHaveCount(0);
  const late = await new Promise<Socket>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket)).on('error', reject);
  });
  try {
    // Both of its ends are new: this process's client socket and the accepted one.
    const marked = body(page).locator('.is-new');
    await expect(marked).toHaveCount(2, { timeout: 10_000 });
    await expect(marked.first().getByRole('button')).toHaveAccessibleName(/\(new\)$/);
    await expect(marked).toHaveCount(0, { timeout: 15_000 });
    await expect(body(page).getByRole('row')).toHaveCount(6);
  } finally {
    late.destroy();
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
