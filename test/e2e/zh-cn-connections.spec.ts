/**
 * The Connections view in Chinese: `telltale serve --lang zh-CN` samples this machine while the
 * spec holds real connections (connections-fixture.ts). Checks that no English prose is left in
 * the view once the data (process names, addresses, hosts, commands, tool names) is taken out, in
 * the text and in the labels people hear (aria-label, placeholder, title); that nothing is cut at
 * 900x700; axe; and writes screenshots at 1400x900 and 900x700, light and dark, to
 * test-results/screenshots/zh-CN/connections-<w>x<h>-<scheme>.png.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ENGLISH_WORDS } from '../helpers/english-words.js';
import { rendererDir, repoRoot, startServe, stopChild } from './live-fixture.js';
import { checkScreens, holdConnections, type HeldConnections } from './connections-fixture.js';
import { seriousViolations } from './page-checks.js';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');
test.describe.configure({ mode: 'serial' });


let held: HeldConnections;
let serve: ChildProcess | undefined;
let url: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  held = await holdConnections('telltale-e2e-zh-connections-');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: join(held.root, 'home'),
    XDG_STATE_HOME: join(held.root, 'state'),
    XDG_CONFIG_HOME: join(held.root, 'config'),
    LANG: 'zh_CN.UTF-8',
  };
  ({ child: serve, url } = await startServe(env, 1, 'zh-CN'));
});

test.afterAll(async () => {
  await stopChild(serve);
  await held?.close();
});

/**
 * The Connections view (fourth in the navigation, whatever its label reads), every kind of socket
 * shown, grouped, and the Codex stand-in's row opened: the most of the view's own words on screen.
 */
async function openEverything(page: Page): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation').getByRole('button').nth(3).click();
  const view = page.locator('section.connections');
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('连接');
  await expect(view.getByRole('status').first()).toContainText('共', { timeout: 20_000 });
  for (const box of await view.locator('.socket-kinds input[type=checkbox]').all()) await box.check();
  const body = view.getByRole('rowgroup', { name: '连接列表' });
  await expect(body.getByRole('row').filter({ hasText: String(held.codex.pid) })).toHaveCount(1, { timeout: 20_000 });
  await body.getByRole('row').filter({ hasText: String(held.codex.pid) }).getByRole('button').click();
  await expect(body.locator('.vtable-details')).toContainText('codex.cjs');
}

/**
 * The view's words without its data: the text of the view with the data cells (every column but
 * the state), tool options, command lines and addresses taken out, plus what its labels say. The
 * capture notice (its reason rendered from the host's message: paths and commands in it are data
 * the word list does not flag) and the recent attempts (time, outcome, duration) are read too; of
 * the attempts only the process and destination cells are data.
 */
const VIEW_WORDS = `(() => {
  const view = document.querySelector('section.connections').cloneNode(true);
  const drop = [
    '.vtable-body [role=row]:not(.vtable-group):not(.vtable-details) > [role=cell]:not(:last-child)',
    '.vtable-group button',
    '.vtable-details .command',
    '.vtable-details dd',
    '.toolbar select option[value]:not([value=""])',
    '.recent-attempts td:nth-child(2)',
    '.recent-attempts td:nth-child(3)',
  ];
  for (const selector of drop) for (const node of view.querySelectorAll(selector)) node.remove();
  const labels = [...view.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((node) =>
    ['aria-label', 'placeholder', 'title'].map((name) => node.getAttribute(name)).filter(Boolean),
  );
  return [view.textContent, ...labels].join('\\n');
})()`;

test('no English prose is left in the view; its states read in Chinese with the raw state on hover', async ({ page }) => {
  await openEverything(page);
  expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
  const words = await page.evaluate<string>(VIEW_WORDS);
  expect(words).toMatch(/\p{Script=Han}/u);
  const english = [...words.matchAll(new RegExp(ENGLISH_WORDS.source, 'gi'))].map((m) => words.slice(Math.max(0, m.index - 30), m.index + 30));
  expect(english, 'English prose, in context').toEqual([]);
  const listening = page.locator('.vtable-body [title="LISTEN"]').first();
  await expect(listening).toHaveText('监听中');
  await expect(page.locator('.vtable-body [title="ESTABLISHED"]').first()).toHaveText('已连接');
  // Grouped by app: the header of the rows no tool owns, in Chinese.
  await expect(page.locator('.vtable-group').filter({ hasText: '其他进程' })).toHaveCount(1);
});

test('nothing is cut at 900x700 in Chinese either; axe finds nothing serious; screenshots', async ({ page }) => {
  // Four screens, each opened afresh on a sampled machine: slow on a loaded 2-core box.
  test.setTimeout(240_000);
  await checkScreens(page, () => openEverything(page), join(repoRoot, 'test-results', 'screenshots', 'zh-CN'), 'connections');
  expect(await seriousViolations(page, 'Connections')).toEqual([]);
});
