/**
 * The whole product against a real sample of this machine: `telltale probe` runs the covert fake
 * tool, `telltale serve` samples a HOME holding real tool configs (with TZ and a proxy in its
 * environment) while a child process holds a TCP connection, and Chromium clicks through every
 * view. Screenshots go to test-results/screenshots/ (kept by CI as artifacts).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { holdConnection, rendererDir, repoRoot, runCli, startServe, stopChild, writeToolConfigs } from './live-fixture.js';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');
test.describe.configure({ mode: 'serial' });

let root: string;
let tcpServer: Server;
const accepted = new Set<Socket>();
let serverPort: number;
let holder: ChildProcess | undefined;
let serve: ChildProcess | undefined;
let url: string;

const shot = (page: Page, view: string) =>
  page.screenshot({ path: join(repoRoot, 'test-results', 'screenshots', `${view}.png`), fullPage: true });

const openView = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();

/** Status and body of a GET with the given headers (node:http, so any Origin can be sent). */
function get(target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(target, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = await mkdtemp(join(tmpdir(), 'telltale-e2e-live-'));
  const home = join(root, 'home');
  await writeToolConfigs(home);
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    TZ: 'Asia/Shanghai',
    HTTPS_PROXY: 'http://proxy.example.cn:8080',
    NO_PROXY: '127.0.0.1,localhost',
    XDG_STATE_HOME: join(root, 'state'),
  };
  // serve reads probe reports from defaultStateDir(env, home): $XDG_STATE_HOME/telltale.
  // The fake tool talks only to the tap; network isolation itself is covered by the probe's
  // integration tests, so this works on machines without unprivileged user namespaces too.
  // (runCli rejects on a non-zero exit.)
  await runCli(
    ['probe', '--no-isolation', '--state-dir', join(root, 'state', 'telltale'), '--', process.execPath, join(repoRoot, 'test/fixtures/fake-tools/covert-tool.mjs'), '--now', '2026-11-24T10:00:00Z'],
    env,
  );

  tcpServer = createServer((socket) => {
    accepted.add(socket);
    socket.on('error', () => undefined).on('close', () => accepted.delete(socket));
  });
  await new Promise<void>((resolve) => tcpServer.listen(0, '127.0.0.1', resolve));
  serverPort = (tcpServer.address() as AddressInfo).port;
  holder = await holdConnection(serverPort);
  ({ child: serve, url } = await startServe(env));
});

test.afterAll(async () => {
  await Promise.all([stopChild(serve), stopChild(holder)]);
  for (const socket of accepted) socket.destroy();
  await new Promise((resolve) => tcpServer?.close(resolve));
  if (root) await rm(root, { recursive: true, force: true });
});

test('refuses requests without the token or from another origin', async () => {
  const base = new URL(url);
  expect((await get(base.origin + '/')).status).toBe(401);
  expect((await get(base.origin + '/api/events')).status).toBe(401);
  expect((await get(url, { Origin: 'http://evil.example' })).status).toBe(403);
  expect((await get(url)).status).toBe(200);
});

test('shows what the tools on this machine could infer, view by view', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);

  await test.step('Overview: the China inference and the 2026 check', async () => {
    const country = page.locator('[data-question="country"] > summary');
    await expect(country).toContainText('China (CN)', { timeout: 30_000 });
    const check = page.locator('[data-question="check-2026"]');
    await expect(check.locator('summary')).toContainText('Would flag you');
    await expect(check.locator('summary')).toContainText('Claude Code');
    await shot(page, 'overview');
  });

  await test.step('Apps: Claude Code with its settings and what it can read', async () => {
    await openView(page, 'Apps');
    await page.getByRole('button', { name: 'Claude Code', exact: true }).click();
    await expect(page.getByRole('heading', { name: /^Claude Code/, level: 3 })).toBeVisible();
    const settings = page.getByRole('table', { name: 'Claude Code settings' });
    const baseUrl = settings.getByRole('row').filter({ hasText: 'env.ANTHROPIC_BASE_URL' });
    await expect(baseUrl).toContainText('base-url');
    await expect(baseUrl).toContainText('https://api.moonshot.cn/anthropic');
    // The proxy setting is shown, with its password redacted.
    await expect(settings.getByRole('row').filter({ hasText: 'env.HTTPS_PROXY' })).toContainText('http://u:***@10.9.8.7:3128');
    const canRead = page.getByRole('list', { name: 'What Claude Code reads' });
    for (const capability of [/its environment/, /the time zone/]) await expect(canRead.getByText(capability)).toBeVisible();
    await expect(page.getByText('secretpw')).toHaveCount(0);
    await shot(page, 'apps');
  });

  await test.step("Connections: the child's connection to our TCP server", async () => {
    await openView(page, 'Connections');
    // Our server is on loopback, which the view hides until asked.
    await page.getByRole('checkbox', { name: /^Show loopback/ }).check();
    await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`127.0.0.1:${serverPort}`);
    const row = page
      .getByRole('table', { name: 'Connections' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: String(holder?.pid), exact: true }) });
    // Samples repeat every second; the held connection is in each of them.
    await expect(row).toHaveCount(1, { timeout: 20_000 });
    await expect(row).toContainText(`127.0.0.1:${serverPort}`);
    // The state as a word, the kernel's name on hover.
    await expect(row).toContainText('connected');
    await expect(row.locator('[title="ESTABLISHED"]')).toHaveCount(1);
    await expect(row.getByRole('cell', { name: 'node', exact: true })).toBeVisible();
    await shot(page, 'connections');
  });

  await test.step('Signals: time zone and proxy as sampled', async () => {
    await openView(page, 'Signals');
    await expect(page.getByRole('heading', { name: 'Signals', level: 2 })).toBeVisible();
    const row = (label: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) }).first();
    await expect(row('Time zone')).toContainText('Asia/Shanghai');
    await expect(row('HTTPS_PROXY (environment)')).toContainText('proxy.example.cn');
    await shot(page, 'signals');
  });

  await test.step('Snapshot: the JSON export is valid and has no secrets', async () => {
    await openView(page, 'Snapshot');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const text = await readFile(await download.path(), 'utf8');
    const schema = JSON.parse(await readFile(join(repoRoot, 'contract', 'snapshot.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allowUnionTypes: true }).compile(schema);
    const exported = JSON.parse(text) as unknown;
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    expect(text).not.toContain('secretpw');
    // It is this machine's sample: the held connection and the Claude Code settings are in it.
    expect(text).toContain(`"remotePort": ${serverPort}`);
    expect(text).toContain('https://api.moonshot.cn/anthropic');
    await expect(page.getByText(/^Saved .+\.json$/)).toBeVisible();
    await shot(page, 'snapshot');
  });

  await test.step("Probe: the covert tool's hidden change", async () => {
    await openView(page, 'Probe');
    // A command no catalog tool matches is named by the script it runs.
    const report = page.getByRole('article', { name: 'covert-tool.mjs' });
    await expect(report).toBeVisible({ timeout: 15_000 });
    await expect(report.getByText('Covert channel found').first()).toBeVisible();
    await expect(report.getByText('U+02BC MODIFIER LETTER APOSTROPHE').first()).toBeVisible();
    // The date separator flips in the Chinese time zone.
    await expect(report.getByText(/2026-11-24 became 2026\/11\/24/).first()).toBeVisible();
    await shot(page, 'probe');
  });

  expect(problems).toEqual([]);
});
