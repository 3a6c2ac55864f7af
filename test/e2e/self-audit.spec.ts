/**
 * The no-egress self-audit: `telltale snapshot`, `telltale watch` and `telltale serve` (with the UI
 * driven in Chromium) run under strace, which records every connect/sendto/sendmsg/sendmmsg of
 * Telltale's process tree; any destination off loopback, or any DNS lookup, fails the test.
 * Chromium is not traced (it is not Telltale; the config's flags keep it quiet anyway). First the
 * audit is shown to catch a deliberate lookup and connection, so a pass means something.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { describeFindings, egressFindings, startAudited, straceUnavailable, tracedPid, type AuditedProcess, type AuditResult } from '../helpers/egress-audit.js';
import { rendererDir, repoRoot, writeToolConfigs } from './live-fixture.js';

const unavailable = straceUnavailable();
if (unavailable) console.warn(`self-audit skipped: ${unavailable}`);
test.skip(unavailable !== null, `self-audit skipped: ${unavailable}`);
test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');
test.describe.configure({ mode: 'serial' });

const cli = join(repoRoot, 'bin', 'telltale.js');
let root: string;
let env: NodeJS.ProcessEnv;

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'telltale-self-audit-'));
  const home = join(root, 'home');
  await writeToolConfigs(home);
  // A proxy and a Chinese base URL in the configs and environment: hosts Telltale reports on and
  // must never resolve or contact.
  env = {
    PATH: process.env.PATH,
    HOME: home,
    TZ: 'Asia/Shanghai',
    HTTPS_PROXY: 'http://proxy.example.cn:8080',
    XDG_STATE_HOME: join(root, 'state'),
    XDG_CONFIG_HOME: join(root, 'config'),
  };
});

test.afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let traces = 0;
const audited = (args: string[]): AuditedProcess => startAudited(process.execPath, args, join(root, `trace-${++traces}.txt`), { env, cwd: repoRoot });

/** Collects stdout and resolves with the process's exit code once strace (and the whole tree) is done. */
async function finish(run: AuditedProcess): Promise<{ code: number | null; stdout: string; stderr: string; audit: AuditResult }> {
  let stdout = '';
  let stderr = '';
  run.strace.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  run.strace.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => run.strace.once('exit', resolve));
  return { code, stdout, stderr, audit: await run.result() };
}

test('the audit catches a deliberate DNS lookup and a connection off loopback', async () => {
  const script = [
    "require('dns').lookup('example.com', () => {});",
    "require('net').connect(9, '192.0.2.1').on('error', () => {});",
    "setTimeout(() => process.exit(0), 1500);",
  ].join('\n');
  const { code, audit } = await finish(audited(['-e', script]));
  expect(code).toBe(0);
  const findings = egressFindings(audit.calls);
  expect(findings.filter((f) => f.kind === 'dns').length, describeFindings(findings)).toBeGreaterThan(0);
  expect(findings.some((f) => f.kind === 'not-loopback' && f.call.family === 'inet' && f.call.address === '192.0.2.1')).toBe(true);
});

test('telltale snapshot: no egress, no DNS', async () => {
  const { code, stdout, stderr, audit } = await finish(audited([cli, 'snapshot', '--json']));
  expect(code, stderr).toBe(0);
  expect(JSON.parse(stdout)).toMatchObject({ schemaVersion: 2 });
  // The trace covered the command and the programs it ran to sample.
  expect(audit.programs[0]).toBe(process.execPath);
  expect(egressFindings(audit.calls), describeFindings(egressFindings(audit.calls))).toEqual([]);
});

test('telltale watch (three samples): no egress, no DNS', async () => {
  const { code, stderr, audit } = await finish(audited([cli, 'watch', '--interval', '1', '--count', '3']));
  expect(code, stderr).toBe(0);
  expect(audit.programs[0]).toBe(process.execPath);
  expect(egressFindings(audit.calls), describeFindings(egressFindings(audit.calls))).toEqual([]);
});

test('telltale serve with the UI in Chromium: no egress, no DNS; the Self-audit panel shows its loopback sockets', async ({ page }) => {
  test.setTimeout(120_000);
  const run = audited([cli, 'serve', '--port', '0', '--interval', '1']);
  const finished = finish(run);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${out}`)), 60_000);
    run.strace.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Telltale is serving on (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
  });
  const servePid = await tracedPid(run.strace);
  try {
    await page.goto(url);
    const nav = page.getByRole('navigation', { name: 'Views' });
    for (const view of ['Overview', 'Connections', 'Signals', 'Timeline', 'Snapshot']) {
      await nav.getByRole('button', { name: view, exact: true }).click();
    }
    await page.getByRole('button', { name: 'Sample now' }).click();
    await nav.getByRole('button', { name: 'Settings', exact: true }).click();

    const panel = page.getByRole('region', { name: 'Self-audit' });
    await expect(panel.getByRole('status')).toContainText('loopback only', { timeout: 15_000 });
    // Its own listening socket and the page's connection to it, both on 127.0.0.1.
    const rows = panel.getByRole('table', { name: 'Telltale’s own sockets' }).getByRole('row');
    await expect(rows.filter({ hasText: 'LISTEN' }).first()).toContainText(`(${servePid})`);
    await expect(rows.filter({ hasText: 'ESTABLISHED' }).first()).toContainText('127.0.0.1');
  } finally {
    process.kill(servePid, 'SIGTERM');
  }
  const { code, stderr, audit } = await finished;
  expect(code, stderr).toBe(0);
  expect(audit.programs[0]).toBe(process.execPath);
  expect(egressFindings(audit.calls), describeFindings(egressFindings(audit.calls))).toEqual([]);
});
