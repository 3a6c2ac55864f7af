/**
 * The data views in Simplified Chinese: `telltale serve --lang zh-CN` on the realistic machine of
 * views.spec.ts (Claude Code on Moonshot, an alibaba-inc.com git email, an npm mirror, Asia/Shanghai,
 * zh_CN, a local proxy) with a saved probe report of a covert tool run as Claude Code. Opens Timeline,
 * Snapshot (comparing with the history and with an exported file), Probe and What-if; checks that
 * no English prose is left once the data (hosts, names, values, commands) is taken out, that
 * Compare names tools rather than showing ids, that the history's points and a toast (a tool started
 * while the UI is open) read Chinese, axe, and writes screenshots at 1400x900 and 900x700,
 * light and dark, to test-results/screenshots/zh-CN/<view>-<w>x<h>-<scheme>.png.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Snapshot } from '../../contract/snapshot.js';
import { ENGLISH_WORDS } from '../helpers/english-words.js';
import { rendererDir, repoRoot, runCli, startServe, stopChild, realisticMachine } from './live-fixture.js';
import { forEachScreen, SCREEN_SIZES, seriousViolations } from './page-checks.js';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');
test.describe.configure({ mode: 'serial' });

const SAMPLE_EXPORT = join(repoRoot, 'test', 'fixtures', 'snapshot', 'linux-sample.json');

/** The views of this spec: the nav's English name (a build before the nav speaks Chinese) or its Chinese one, and what shows it has loaded. */
const VIEWS = {
  timeline: { name: /^(Timeline|时间线)$/, ready: 'ol.event-list' },
  snapshot: { name: /^(Snapshot|快照)$/, ready: '#history-compare-title' },
  probe: { name: /^(Probe|探测)$/, ready: 'article.probe-report' },
  'what-if': { name: /^(What if|假设分析)$/, ready: 'table.whatif-table' },
} as const;
type ViewId = keyof typeof VIEWS;

let root: string;
let serve: ChildProcess | undefined;
/** A process the catalog takes for Kimi CLI (a script named kimi.js), started while the UI is open. */
let tool: ChildProcess | undefined;
let url: string;
/** Values the views show as they are, in any language: names, hosts, settings, probe values. */
let data: string[] = [];

/** Strings of a snapshot that are values, not prose. */
function snapshotData(snapshot: Snapshot): string[] {
  const values = [
    ...snapshot.tools.flatMap((t) => [t.name, t.id, ...t.endpoints]),
    ...snapshot.signals.flatMap((s) => (typeof s.value === 'string' ? [s.value] : Array.isArray(s.value) ? s.value.map(String) : [])),
    ...snapshot.connections.flatMap((c) => [c.remote?.host, c.remote?.org, c.remoteAddress, c.localAddress, c.state].filter((v): v is string => typeof v === 'string')),
    ...snapshot.processes.map((p) => p.name),
    ...(snapshot.probes ?? []).flatMap((r) => [
      ...r.command,
      ...r.noise,
      ...r.factors.flatMap((f) => [f.baseline, ...f.variants.flatMap((v) => [v.value, ...v.changes.flatMap((c) => [c.location, c.baseline, c.variant, ...c.codePoints.flatMap((p) => [p.codePoint, p.name])])])]),
      ...(r.reached ?? []).flatMap((h) => [h.host, ...h.environments]),
    ]),
  ];
  return values.filter((v) => v.length > 1);
}

async function openView(page: Page, view: ViewId): Promise<void> {
  await page.getByRole('navigation').first().getByRole('button', { name: VIEWS[view].name }).click();
  await expect(page.locator(VIEWS[view].ready).first()).toBeVisible({ timeout: 30_000 });
}

/** Lines of the view's visible text still holding English prose once code, monospaced values and the data are taken out. */
async function englishLines(page: Page): Promise<string[]> {
  // A hidden clone without code and monospaced values (attached, so innerText keeps its line breaks).
  const text = (await page.evaluate(`(() => {
    const main = document.querySelector('main').cloneNode(true);
    main.querySelectorAll('code, kbd, pre, .mono').forEach((e) => e.remove());
    main.style.position = 'absolute';
    main.style.left = '-99999px';
    document.body.append(main);
    const lines = main.innerText;
    main.remove();
    return lines;
  })()`)) as string;
  const longestFirst = [...new Set(data)].sort((a, b) => b.length - a.length);
  const lines = [...new Set(text.split('\n'))];
  return lines
    .map((line) => ({ line, prose: longestFirst.reduce((rest, value) => rest.split(value).join(' '), line) }))
    .filter(({ prose }) => ENGLISH_WORDS.test(prose) || (/\p{L}/u.test(prose) && !/\p{Script=Han}/u.test(prose)))
    .map(({ line }) => line);
}

/** Everything a view can show: details open, a comparison made, what-if changes picked. */
async function fillView(page: Page, view: ViewId): Promise<void> {
  if (view === 'snapshot') {
    const history = page.locator('section[aria-labelledby="history-compare-title"]');
    await history.getByRole('button').click();
    await expect(history.locator('.diff')).toBeVisible({ timeout: 30_000 });
    const file = page.locator('section[aria-labelledby="compare-title"]');
    await file.locator('input[type="file"]').setInputFiles(SAMPLE_EXPORT);
    await expect(file.locator('.diff')).toBeVisible({ timeout: 30_000 });
  }
  if (view === 'what-if') {
    const boxes = page.locator('fieldset.whatif-changes input[type="checkbox"]');
    await boxes.first().check();
    await boxes.nth(1).check();
    await expect(page.locator('table.whatif-table tr.changed').first()).toBeVisible({ timeout: 30_000 });
  }
  await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = await mkdtemp(join(tmpdir(), 'telltale-e2e-zh-data-'));
  const env = await realisticMachine(root, ['claude', 'gemini']);
  const { HOME: home, XDG_STATE_HOME: state, XDG_CONFIG_HOME: config } = env;
  // A covert tool under the name the catalog gives Claude Code, probed where serve reads reports.
  await mkdir(join(root, 'tools'));
  await symlink(join(repoRoot, 'test', 'fixtures', 'fake-tools', 'covert-tool.mjs'), join(root, 'tools', 'claude.mjs'));
  const probeEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TZ: 'UTC', LANG: 'C.UTF-8', XDG_STATE_HOME: state, XDG_CONFIG_HOME: config };
  await runCli(
    ['probe', '--no-isolation', '--state-dir', join(state, 'telltale'), '--', process.execPath, join(root, 'tools', 'claude.mjs'), '--now', '2026-11-24T10:00:00Z'],
    probeEnv,
  );
  ({ child: serve, url } = await startServe(env, 2, 'zh-CN'));
  const [now, sample] = await Promise.all([
    runCli(['snapshot', '--json'], env).then(({ stdout }) => Snapshot.parse(JSON.parse(stdout))),
    Snapshot.parse(JSON.parse(readFileSync(SAMPLE_EXPORT, 'utf8'))),
  ]);
  data = [...snapshotData(now), ...snapshotData(sample)];
});

test.afterAll(async () => {
  await Promise.all([stopChild(tool), stopChild(serve)]);
  if (root) await rm(root, { recursive: true, force: true });
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize(SCREEN_SIZES[0]);
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN', { timeout: 30_000 });
});

for (const view of Object.keys(VIEWS) as ViewId[]) {
  test(`${view}: no English prose once the data is taken out, and axe finds nothing critical or serious`, async ({ page }) => {
    test.setTimeout(120_000);
    await openView(page, view);
    await fillView(page, view);
    expect(await englishLines(page)).toEqual([]);
    expect(await seriousViolations(page, view)).toEqual([]);
  });
}

test('Compare names tools, not their ids', async ({ page }) => {
  await openView(page, 'snapshot');
  await fillView(page, 'snapshot');
  // The summary lists (tools, endpoints, churn per tool), not each socket's line under "every connection".
  const lists = page.locator('section[aria-labelledby="compare-title"] .diff :not(details) > section.diff-part > ul');
  // The sample export has tools this machine lacks and sockets of Claude Code: named by the catalog.
  await expect(lists.first()).toBeVisible();
  const items = await lists.locator('> li').allInnerTexts();
  expect(items.some((item) => item.endsWith(' GitHub Copilot'))).toBe(true);
  expect(items.some((item) => item.endsWith(' Claude Code'))).toBe(true);
  // A tool id alone, after a count ("-3 claude-code") or in brackets ("api.moonshot.cn（kimi-cli）").
  const ids = /(^|\s|[（(])(claude-code|copilot|kimi-cli|qoder|codex)[）)]?$/;
  expect(items.filter((item) => ids.test(item))).toEqual([]);
});

test('the history points and a notification toast read Chinese', async ({ page }) => {
  test.setTimeout(90_000);
  const noEnglish = (text: string) => {
    const prose = [...data, 'Kimi CLI', 'Telltale'].sort((a, b) => b.length - a.length).reduce((rest, value) => rest.split(value).join(' '), text);
    expect(prose, text).not.toMatch(ENGLISH_WORDS);
  };
  await openView(page, 'snapshot');
  // Each point's verdict, rendered from the message the history kept with it.
  const points = await page.locator('section[aria-labelledby="history-compare-title"] select option').allInnerTexts();
  expect(points.length).toBeGreaterThan(0);
  for (const point of points) {
    expect(point).toMatch(/暴露/);
    noEnglish(point);
  }
  // Past the notifier's start-up grace, a tool starts: its toast is in Chinese.
  await page.waitForTimeout(4_000);
  await writeFile(join(root, 'kimi.js'), 'setInterval(() => {}, 1000);\n');
  tool = spawn(process.execPath, [join(root, 'kimi.js')], { stdio: 'ignore' });
  const toasts = page.getByRole('region', { name: '通知' });
  await expect(toasts.getByText('Kimi CLI 已启动').first()).toBeVisible({ timeout: 20_000 });
  noEnglish(await toasts.innerText());
});

test('screenshots at 1400x900 and 900x700, light and dark', async ({ page }) => {
  test.setTimeout(300_000);
  await forEachScreen(page, async ({ width, height, colorScheme }) => {
    for (const view of Object.keys(VIEWS) as ViewId[]) {
      await page.goto(url);
      await openView(page, view);
      await fillView(page, view);
      await page.screenshot({ path: join(repoRoot, 'test-results', 'screenshots', 'zh-CN', `${view}-${width}x${height}-${colorScheme}.png`) });
    }
  });
});
