/**
 * The UI in Simplified Chinese on the realistic machine of views.spec.ts (Claude Code on Moonshot,
 * an alibaba-inc.com git email, an npm mirror, Asia/Shanghai, zh_CN, a local proxy), served with
 * `--lang zh-CN`: Overview, a tool's page, Signals and Settings show no English prose once the
 * machine's own values are taken out, axe finds nothing critical or serious, <html lang> is zh-CN,
 * and screenshots go to test-results/screenshots/zh-CN/. Also: picking 简体中文 in Settings turns
 * an English UI Chinese without a reload; a malformed settings file's problem is said in Chinese.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CHECK_2026_SIGNALLING } from '../../common/check-2026.js';
import { translator } from '../../common/i18n/translate.js';
import { VIEW_LABELS, type ViewId } from '../../renderer/src/lib/views.js';
import { ENGLISH_WORDS } from '../helpers/english-words.js';
import { hasMessage } from '../helpers/english-fields.js';
import { rendererDir, repoRoot, startServe, stopChild, realisticMachine } from './live-fixture.js';
import { forEachScreen, seriousViolations } from './page-checks.js';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');
test.describe.configure({ mode: 'serial' });

const VIEWS: readonly ViewId[] = ['overview', 'apps', 'signals', 'settings'];
const zh = translator('zh-CN');
const en = translator('en');

let root: string;
let serve: ChildProcess | undefined;
let url: string;
let env: Record<string, string>;

async function api<T>(call: string): Promise<T> {
  const { origin, searchParams } = new URL(url);
  const response = await fetch(`${origin}/api/${call}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${searchParams.get('token') ?? ''}` },
    body: '{}',
  });
  return (await response.json()) as T;
}

/**
 * Every string in the host's replies, ids included: values, hosts, paths, names, the host's own notes.
 * Not an English text that has its message beside it (a reason, a note, an opt-out, a check's name):
 * the page must show that message in Chinese.
 */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !hasMessage(key, value))
      .flatMap(([, v]) => strings(v));
  }
  return [];
}

/** What is taken out of a page's text before looking for English: values first, the longest first. */
async function valuesOf(): Promise<string[]> {
  const held = await api<{ snapshot: unknown }>('getSnapshot');
  const replies = [held, await api('getStatus'), await api('getSettings'), await api('getSettingsStatus'), await api('getHistoryStatus'), await api('getSelfAudit')];
  // A bare lowercase word among the values (a kind, a state) would hide that very word left in English.
  const values = strings(replies).filter((s) => s.length > 0 && !(/^[a-z]+$/.test(s) && ENGLISH_WORDS.test(s)));
  // The phrase the 2026 check's tool wrote into its prompt is quoted as it was, in English.
  return [...values, CHECK_2026_SIGNALLING.phrase, 'Telltale'].sort((a, b) => b.length - a.length);
}

/** The English words left in what the page shows and names (text, accessible names, titles) once `values` are out. */
async function englishLeft(page: Page, values: readonly string[]): Promise<string[]> {
  // A string: the spec is compiled without the DOM's types.
  const shown = (await page.evaluate(`[document.body.innerText, ...[...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
    ['aria-label', 'title', 'placeholder'].map((attribute) => el.getAttribute(attribute) ?? ''))].join('\\n')`)) as string;
  const prose = values.reduce((rest, value) => rest.split(value).join(' '), shown);
  return prose.split('\n').filter((line) => ENGLISH_WORDS.test(line));
}

const openView = (page: Page, view: ViewId) => page.getByRole('navigation', { name: zh('nav.label') }).getByRole('button', { name: zh(VIEW_LABELS[view]), exact: true }).click();

async function waitForSample(page: Page): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.question').first()).toBeVisible({ timeout: 30_000 });
}

/** Opens every question row, so their statements, evidence and advice are on the page too. */
async function openRows(page: Page): Promise<void> {
  await page.evaluate(`document.querySelectorAll('details.question').forEach((row) => { row.open = true; })`);
}

/** Shows a tool's page: Claude Code, which the realistic setup configures with settings. */
async function showTool(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Claude Code', exact: true }).click();
  await expect(page.locator('.tool-detail').getByRole('heading', { name: /^Claude Code/, level: 3 })).toBeVisible();
}

async function show(page: Page, view: ViewId): Promise<void> {
  await openView(page, view);
  if (view === 'apps') await showTool(page);
  if (view === 'overview' || view === 'apps') await openRows(page);
  if (view === 'settings') await expect(page.getByRole('button', { name: zh('settings.save') })).toBeVisible();
  await page.waitForTimeout(300);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = await mkdtemp(join(tmpdir(), 'telltale-e2e-zh-'));
  env = await realisticMachine(root, ['gemini']);
  ({ child: serve, url } = await startServe(env, 2, 'zh-CN'));
});

test.afterAll(async () => {
  await stopChild(serve);
  if (root) await rm(root, { recursive: true, force: true });
});

test('Overview, a tool’s page, Signals and Settings speak Chinese: no English prose beside the machine’s values, <html lang> zh-CN', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await waitForSample(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const values = await valuesOf();
  const found: string[] = [];
  for (const view of VIEWS) {
    await show(page, view);
    for (const line of await englishLeft(page, values)) found.push(`${view}: ${line}`);
  }
  expect(found).toEqual([]);
  // The statements are the core's, rendered in Chinese from their messages.
  await openView(page, 'overview');
  await expect(page.locator('[data-question="country"] .q-body')).toContainText('中国');
  // The catalog's opt-outs and setting notes on the tool's page, rendered from their messages.
  await show(page, 'apps');
  const detail = page.locator('.tool-detail');
  await expect(detail).toContainText('设置 DISABLE_TELEMETRY=1');
  await expect(detail).toContainText('在 ~/.claude/settings.json 中将 env.DISABLE_TELEMETRY 设为 "1"');
  await expect(detail).toContainText('请求会发往这个主机，而不是 Anthropic。');
});

test('axe finds nothing critical or serious in the Chinese views', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await waitForSample(page);
  const found: string[] = [];
  for (const view of VIEWS) {
    await show(page, view);
    found.push(...(await seriousViolations(page, view)));
  }
  expect(found).toEqual([]);
});

test('screenshots of the Chinese views at 1400x900 and 900x700, light and dark', async ({ page }) => {
  test.setTimeout(240_000);
  await forEachScreen(page, async ({ width, height, colorScheme }) => {
    await waitForSample(page);
    for (const view of VIEWS) {
      await show(page, view);
      await page.screenshot({ path: join(repoRoot, 'test-results', 'screenshots', 'zh-CN', `${view}-${width}x${height}-${colorScheme}.png`) });
    }
  });
});

test('picking 简体中文 in Settings turns an English UI Chinese without a reload, and System names the locale’s language', async ({ page }) => {
  test.setTimeout(120_000);
  const own = await mkdtemp(join(tmpdir(), 'telltale-e2e-switch-'));
  // No --lang: the setting decides, and the locale (English here) is what System means.
  const english = await startServe({ ...env, LANG: 'en_US.UTF-8', XDG_CONFIG_HOME: join(own, 'config'), XDG_STATE_HOME: join(own, 'state') }, 2, null);
  try {
    await page.goto(english.url);
    const nav = page.getByRole('navigation', { name: en('nav.label') });
    await nav.getByRole('button', { name: en('nav.settings'), exact: true }).click();
    const picker = page.getByRole('combobox', { name: en('settings.language') });
    await expect(picker.locator('option[value="system"]')).toHaveText(en('settings.language-system', { language: 'English' }));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // Marks this document: a reload would lose the mark.
    await page.evaluate(`document.body.setAttribute('data-before-switch', '')`);
    await picker.selectOption('zh-CN');
    await expect(page.getByRole('navigation', { name: zh('nav.label') }).getByRole('button', { name: zh('nav.overview'), exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('button', { name: zh('settings.save') })).toBeVisible();
    await expect(page.getByRole('combobox', { name: zh('settings.language') }).locator('option[value="system"]')).toHaveText(zh('settings.language-system', { language: 'English' }));
    await expect(page.locator('body')).toHaveAttribute('data-before-switch', '');
  } finally {
    await stopChild(english.child);
    await rm(own, { recursive: true, force: true });
  }
});

test('a malformed settings file: Settings says in Chinese why it was set aside and where it went', async ({ page }) => {
  test.setTimeout(120_000);
  const own = await mkdtemp(join(tmpdir(), 'telltale-e2e-bad-settings-'));
  const config = join(own, 'config');
  await mkdir(join(config, 'telltale'), { recursive: true });
  await writeFile(join(config, 'telltale', 'settings.json'), '{"intervalSeconds": 12,');
  const served = await startServe({ ...env, XDG_CONFIG_HOME: config, XDG_STATE_HOME: join(own, 'state') }, 2, 'zh-CN');
  try {
    await page.goto(served.url);
    await page.getByRole('navigation', { name: zh('nav.label') }).getByRole('button', { name: zh('nav.settings'), exact: true }).click();
    const problem = page.getByText(/^设置文件不是有效的 JSON（/);
    await expect(problem).toBeVisible({ timeout: 15_000 });
    await expect(problem).toContainText(`；已将其移至 ${join(config, 'telltale', 'settings.json.bad-')}`);
    await expect(problem).toContainText('，继续使用当前设置。');
  } finally {
    await stopChild(served.child);
    await rm(own, { recursive: true, force: true });
  }
});

