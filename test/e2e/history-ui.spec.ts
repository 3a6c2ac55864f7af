/**
 * The history, settings, notification and capture parts of the UI, served by the real browser host
 * with the in-memory history and settings fixtures (history-fixture.ts), driven in Chromium:
 * Timeline charts and ranges, the event filter, seen vs expected endpoints, comparing with a kept
 * snapshot, settings that round-trip and persist, toasts, the capture notice and attempts.
 */
import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { ConnectionAttempt } from '../../contract/attempts.js';
import { tool } from '../unit/monitor/snapshots.js';
import { proxyInference, sampleSnapshot } from '../unit/service/sample-snapshot.js';
import { fixtureHistory } from './history-fixture.js';
import { startHost, type Host } from './host-fixture.js';
import { rendererDir } from './live-fixture.js';

test.skip(!existsSync(`${rendererDir}/index.html`), 'dist/renderer is not built: run `npm run build` first');

const TOOLS = [
  tool({ id: 'claude-code', name: 'Claude Code', endpoints: ['api.anthropic.com', 'statsig.anthropic.com'] }),
  tool({ id: 'codex', name: 'Codex', running: false, pids: [], endpoints: ['api.openai.com'] }),
];
const CAPTURE_REASON = 'Precise capture needs root: run `sudo telltale capture` and restart.';
const KEPT = [
  sampleSnapshot({ takenAt: '2026-11-20T09:00:00.000Z', tools: TOOLS, inferences: [], exposure: { level: 'none', summary: 'Nothing to infer.' } }),
  sampleSnapshot({ takenAt: '2026-11-22T09:00:00.000Z', tools: TOOLS, inferences: [proxyInference], exposure: { level: 'elevated', summary: 'A proxy is in use.' } }),
];

let host: Host;
const problems: string[] = [];

test.beforeAll(async () => {
  host = await startHost(`${rendererDir}/`, { tools: TOOLS }, {
    history: fixtureHistory(KEPT),
    capture: { mode: 'polling', reason: CAPTURE_REASON, pollMs: 1000 },
  });
});

test.afterAll(async () => {
  await host?.close();
});

/** Opens the UI on a view, collecting page errors and console errors (CSP violations among them). */
async function open(page: Page, view: string) {
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.location().url.endsWith('/favicon.ico')) problems.push(`${msg.text()} (${msg.location().url})`);
  });
  await page.goto(host.server.url);
  await expect(page.getByText('China (CN)').first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();
}

/**
 * Text that does not fit: the page scrolls sideways, or an element that clips its content overflows
 * (except cells that end in an ellipsis and carry their whole text as a tooltip, as the virtualized
 * connection table's do).
 */
const CLIPPED = `() => {
  const found = [];
  if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push('page is ' + document.documentElement.scrollWidth + 'px wide');
  for (const element of document.querySelectorAll('main *')) {
    const style = getComputedStyle(element);
    const tooltip = style.textOverflow === 'ellipsis' && element.title === element.textContent;
    const clips = ['hidden', 'clip'].includes(style.overflowX) && !tooltip;
    if (clips && !element.closest('.sr-only, .chart') && element.scrollWidth > element.clientWidth + 1) {
      found.push(element.tagName.toLowerCase() + '.' + element.className + ': ' + (element.textContent ?? '').slice(0, 60));
    }
  }
  return found;
}`;

async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(${CLIPPED})()`);
}

async function checkWidths(page: Page, name: string) {
  for (const width of [1400, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
    expect(await clippedText(page), `clipped text at ${width}px`).toEqual([]);
  }
}

/** Sizes of the charts' canvases on the page, as laid out. */
async function canvasSizes(page: Page): Promise<{ w: number; h: number }[]> {
  const boxes = await Promise.all((await page.locator('.chart canvas').all()).map((canvas) => canvas.boundingBox()));
  return boxes.map((box) => ({ w: box?.width ?? 0, h: box?.height ?? 0 }));
}

test.beforeEach(() => {
  problems.length = 0;
});

/** Errors a test provokes on purpose (a request the host refuses), left out of the check below. */
const expected: RegExp[] = [];

test.afterEach(() => {
  expect(problems.filter((problem) => !expected.some((pattern) => pattern.test(problem))), 'page errors or CSP violations').toEqual([]);
  expected.length = 0;
});

test('the Timeline draws its charts with text alternatives and switches ranges', async ({ page }) => {
  await open(page, 'Timeline');
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByText('Highest exposure: high')).toBeVisible();
  const sizes = await canvasSizes(page);
  expect(sizes).toHaveLength(2);
  for (const size of sizes) {
    expect(size.w).toBeGreaterThan(100);
    expect(size.h).toBeGreaterThan(50);
  }
  const legend = page.getByRole('table', { name: 'Connection activity per tool' });
  await expect(legend).toContainText('Claude Code');
  await expect(legend).toContainText('Codex');
  await expect(page.getByText(/the most active was Claude Code/)).toBeVisible();

  const lastDay = page.getByRole('button', { name: 'Last day' });
  const caption = page.locator('#activity-chart-caption');
  await expect(caption).toContainText('every 1 min');
  await lastDay.click();
  await expect(lastDay).toHaveAttribute('aria-pressed', 'true');
  await expect(caption).toContainText('every 15 min');
  await page.getByRole('button', { name: 'Last week' }).click();
  await expect(caption).toContainText('every 2 h');
  expect(await canvasSizes(page)).toHaveLength(2);
  await checkWidths(page, 'timeline');
});

test('the event list is newest first and filters by kind and tool', async ({ page }) => {
  await open(page, 'Timeline');
  const list = page.getByRole('list', { name: 'History events' });
  await expect(list.getByRole('listitem')).toHaveCount(6);
  await expect(list.getByRole('listitem').first()).toContainText('Codex stopped');
  await expect(list).toContainText('Claude Code connected to api.anthropic.com (160.79.104.10:443) in US, Anthropic, PBC');

  const events = page.getByRole('region', { name: 'Events' });
  await events.getByRole('combobox', { name: /^Kind/ }).selectOption({ label: 'Tool started' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Codex started');
  await expect(list.getByRole('listitem').nth(1)).toContainText('Claude Code started');

  await events.getByRole('combobox', { name: /^Tool/ }).selectOption({ label: 'Claude Code' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await events.getByRole('combobox', { name: /^Kind/ }).selectOption({ label: 'Any' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).not.toContainText('Codex');
});

test('a tool page shows the endpoints seen next to the expected ones', async ({ page }) => {
  await open(page, 'Apps');
  const seen = page.getByRole('table', { name: 'Endpoints Claude Code was seen using' });
  await expect(seen).toBeVisible();
  const telemetry = seen.getByRole('row', { name: /telemetry\.fixture\.example/ });
  await expect(telemetry).toContainText('SG');
  await expect(telemetry).toContainText('Fixture Telemetry Ltd');
  await expect(telemetry.getByRole('cell').last()).toHaveText('5');
  await expect(seen.getByRole('row', { name: /api\.anthropic\.com/ })).toContainText('412');
  await expect(seen).not.toContainText('api.openai.com');
  const expected = "Expected endpoints (Telltale's catalog, not necessarily seen)";
  await expect(page.getByRole('heading', { name: expected })).toBeVisible();
  await expect(page.getByRole('list', { name: expected })).toContainText('statsig.anthropic.com');
  await checkWidths(page, 'tool-page');
});

test('compares now with a point from the history', async ({ page }) => {
  await open(page, 'Snapshot');
  const panel = page.getByRole('region', { name: 'Compare with an earlier point in the history' });
  const select = panel.getByLabel('Earlier point');
  await expect(select.getByRole('option')).toHaveCount(2);
  // Newest first: the elevated point, then the one with nothing inferred.
  await expect(select.getByRole('option').first()).toContainText('elevated');
  await select.selectOption({ index: 1 });
  await panel.getByRole('button', { name: 'Compare with now' }).click();
  const diff = panel.getByLabel('Differences');
  await expect(diff).toContainText('Inferences added');
  // Short values, not the inferences' full statements.
  await expect(diff).toContainText('Country: China (CN)');
  await expect(diff).toContainText('Proxy in use: yes');
  await expect(diff).not.toContainText('You are probably in China.');
  await checkWidths(page, 'compare-history');
});

test('settings round-trip through the API, persist across a reload and show validation errors', async ({ page }) => {
  await open(page, 'Settings');
  const interval = page.getByLabel('Seconds between samples');
  await expect(interval).toHaveValue('5');
  await interval.fill('7');
  await page.getByLabel('A tool can newly infer something about you').uncheck();
  await page.getByRole('group', { name: 'Never notify about these tools' }).getByLabel('Codex').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/Saved at .* a sample every 7 s/)).toBeVisible();

  await page.reload();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Seconds between samples')).toHaveValue('7');
  await expect(page.getByLabel('A tool can newly infer something about you')).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'Never notify about these tools' }).getByLabel('Codex')).toBeChecked();
  await expect(page.getByRole('list', { name: 'History store' }).or(page.getByText('/fixture/history.sqlite'))).toBeVisible();

  // The API's validation message appears next to the control it is about.
  expected.push(/status of 400 .*\/api\/updateSettings/);
  await page.getByLabel('Keep for (days)').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const retention = page.getByLabel('Keep for (days)');
  await expect(retention).toHaveAttribute('aria-invalid', 'true');
  await expect(retention).toHaveAccessibleDescription(/expected number to be >=1/);
  await checkWidths(page, 'settings');
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(retention).toHaveValue('30');
});

test('the capture notice and connection attempts show where connections are shown', async ({ page }) => {
  await open(page, 'Connections');
  await expect(page.getByText('Connections shorter than the interval may be missed')).toBeVisible();
  await expect(page.getByText(CAPTURE_REASON)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recent connection attempts (0)' })).toBeVisible();

  const at = new Date().toISOString();
  const attempt = (remotePort: number, outcome: ConnectionAttempt['outcome']): ConnectionAttempt => ({
    at, pid: 4242, process: 'claude', command: null, toolId: 'claude-code', protocol: 'tcp',
    localAddress: '10.0.0.5', localPort: 50000 + remotePort, remoteAddress: '203.0.113.9', remotePort,
    remote: { country: 'SG', asn: 64500, org: 'Fixture Telemetry Ltd', host: 'telemetry.fixture.example' },
    outcome, durationMs: 12, source: 'trace',
  });
  host.queueAttempts([attempt(443, 'established'), attempt(8443, 'failed')]);
  await host.monitor.sampleNow();

  const table = page.getByRole('table', { name: 'Recent connection attempts' });
  await expect(page.getByRole('heading', { name: 'Recent connection attempts (2)' })).toBeVisible();
  await expect(table.getByRole('row', { name: /8443/ })).toContainText('failed');
  await expect(table.getByRole('row', { name: /:443 / })).toContainText('connected');
  await expect(table).toContainText('Claude Code');
  await checkWidths(page, 'connections-attempts');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Apps', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Claude Code connection attempts' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByText('Connections shorter than the interval may be missed')).toBeVisible();
});
