/**
 * The history as a user gets it: a real monitor (createApp with a temporary state dir) records while
 * a child process, recognised as Codex CLI (`node .../codex.js`), connects to two TCP servers on
 * this machine's own non-loopback address (loopback is not a remote endpoint, so not kept); then the
 * real CLI reads the history while the monitor still writes it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EndpointRecord, HistoryEventPage, HistoryPoint } from '../../contract/history.js';
import type { ExposureMessage } from '../../contract/message.js';
import { renderMessage } from '../../common/i18n/render.js';
import { expectChinese } from '../helpers/i18n-checks.js';
import { createApp, type TelltaleApp } from '../../main/app/create-app.js';
import { SqliteHistory } from '../../main/adapters/history/sqlite-history.js';
import { osqueryConfig } from '../../main/core/history/osquery-config.js';
import { runCli } from '../helpers/run-cli.js';
import { connection, snapshot } from '../helpers/snapshot-builders.js';

const CHILD = `
const net = require('net');
const [host, a, b] = process.argv.slice(2);
let up = 0;
for (const port of [a, b]) net.connect(Number(port), host, () => ++up === 2 && console.log('up'));
setInterval(() => {}, 1e6);
`;

/** The two local servers: a tool's loopback endpoints are kept (a local proxy or model server is where its requests go). */
const HOST = '127.0.0.1';

let dir: string;
const servers: net.Server[] = [];
let child: ChildProcess | null = null;
let app: TelltaleApp | null = null;

const env = (): Record<string, string> => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, XDG_STATE_HOME: dir, LANG: 'C.UTF-8' });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-history-it-'));
  await writeFile(path.join(dir, 'codex.js'), CHILD);
});

afterAll(async () => {
  app?.close();
  child?.kill('SIGKILL');
  for (const s of servers) s.close();
  await rm(dir, { recursive: true, force: true });
});

async function listen(host: string): Promise<number> {
  const server = net.createServer((socket) => socket.on('error', () => undefined));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as net.AddressInfo).port;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the history of a real monitor', () => {
  it('keeps both endpoints a tool talked to, with first and last seen, and the CLI shows them', async () => {
    const host = HOST;
    const ports = [await listen(host), await listen(host)];
    const running = createApp({ stateDir: path.join(dir, 'telltale'), intervalMs: 200, configDir: null });
    app = running;
    await running.history().ready;
    expect(await running.handlers.getHistoryStatus({})).toMatchObject({ available: true, message: null });
    const first = new Promise<void>((resolve) => running.monitor.on('snapshot', () => resolve()));
    running.monitor.start();
    await first;

    child = spawn(process.execPath, [path.join(dir, 'codex.js'), host, ...ports.map(String)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child?.stdout?.once('data', () => resolve()));

    const mine = async () =>
      (await running.handlers.getEndpoints({ toolId: 'codex-cli' })).filter((e) => e.address === host && ports.includes(e.port));
    // Seen in two samples: a count of 2 alone may be one sample plus the attempt that opened it, at one instant.
    const seen = await until('both endpoints in the history, each seen in two samples', async () => {
      const found = await mine();
      return found.length === 2 && found.every((e) => e.count >= 2 && Date.parse(e.lastSeen) > Date.parse(e.firstSeen)) ? found : null;
    });
    for (const e of seen) {
      expect(e).toMatchObject({ toolId: 'codex-cli', process: 'node', failed: 0 });
      expect(Date.parse(e.lastSeen)).toBeGreaterThan(Date.parse(e.firstSeen));
    }
    expect(seen.map((e) => e.port).sort()).toEqual([...ports].sort());

    const events = await running.handlers.getHistoryEvents({ toolId: 'codex-cli', types: ['connection-opened'], limit: 50 });
    const opened = events.events.filter((e) => e.event.type === 'connection-opened' && e.event.connection.remoteAddress === host);
    expect(opened.map((e) => (e.event.type === 'connection-opened' ? e.event.connection.remotePort : 0)).sort()).toEqual([...ports].sort());

    const timeline = await running.handlers.getTimeline({ range: '1h' });
    expect(timeline.activity.find((a) => a.toolId === 'codex-cli')?.counts.some((n) => n >= 2)).toBe(true);
    expect(timeline.exposure.some((level) => level !== null)).toBe(true);
    const points = await running.handlers.getHistoryPoints({ limit: 5 });
    expect(points.length).toBeGreaterThan(0);
    expect((await running.handlers.diffWithHistory({ id: points[points.length - 1]?.id ?? 0 })).to).toBeTruthy();
    // Each point the monitor kept says its verdict as a message too: the CLI prints it in Chinese.
    const [newest] = points;
    expect(newest?.summaryMessage).toBeDefined();
    const listedPoints = await runCli(['history', 'points', '--json'], env());
    expect(HistoryPoint.array().parse(JSON.parse(listedPoints.stdout)).every((p) => p.summaryMessage !== undefined)).toBe(true);
    const zh = await runCli(['history', 'points', '--limit', '1', '--lang', 'zh-CN'], env());
    expect(zh.code).toBe(0);
    const line = zh.stdout.trim();
    expect(line).toContain(renderMessage(newest?.summaryMessage as ExposureMessage, 'zh-CN'));
    expectChinese(line.replace(/^\S+\s+#\d+/, ''), newest?.summaryMessage, 'history points --lang zh-CN');

    // The real CLI, reading while the monitor writes.
    const cli = await runCli(['history', 'endpoints', '--tool', 'codex-cli', '--json'], env());
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const listed = EndpointRecord.array().parse(JSON.parse(cli.stdout)).filter((e) => e.address === host && ports.includes(e.port));
    expect(listed.map((e) => e.port).sort()).toEqual([...ports].sort());
    const text = await runCli(['history', 'endpoints'], env());
    expect(text.stdout).toContain('codex-cli');
    expect(text.stdout).toContain(`${host}:${ports[0]}`);
    const history = await runCli(['history', '--since', '1h', '--kind', 'connection', '--tool', 'codex-cli', '--json'], env());
    expect(history.code).toBe(0);
    const page = HistoryEventPage.parse(JSON.parse(history.stdout));
    expect(page.events.length).toBeGreaterThanOrEqual(2);
    expect(page.events.every((e) => e.toolId === 'codex-cli' && e.event.type.startsWith('connection-'))).toBe(true);
  }, 90_000);
});

describe('the history CLI', () => {
  it('says clearly when there is no history yet', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'telltale-history-none-'));
    try {
      const run = await runCli(['history'], { ...env(), HOME: empty, XDG_STATE_HOME: empty });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/no history yet at .*history\.sqlite/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('lists events newest first as text, and refuses bad options with exit 2', async () => {
    const state = path.join(dir, 'cli-only');
    const store = SqliteHistory.open({ dir: path.join(state, 'telltale'), redact: (s) => s });
    const now = Date.now();
    for (const [i, port] of [8443, 9443].entries()) {
      const at = new Date(now - (2 - i) * 1000).toISOString();
      store.record(snapshot({ takenAt: at }), [{ type: 'connection-opened', at, connection: { ...connection({ remotePort: port }), process: 'node' } }]);
    }
    store.close();
    const cliEnv = { ...env(), XDG_STATE_HOME: state };
    const run = await runCli(['history', '--since', '1h'], cliEnv);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(':9443');
    expect(lines[1]).toContain(':8443');
    expect((await runCli(['history', '--kind', 'tool'], cliEnv)).stdout).toMatch(/No events in the last 24h/);

    expect((await runCli(['history', 'points'], cliEnv)).stdout).toMatch(/^\S+Z {2}#\d+ {2}1 inference {2}/);
    for (const bad of [['history', 'points', '--limit', '0'], ['history', 'points', '--limit', '1.5'], ['history', '--kind', 'nope'], ['history', '--since', '2d'], ['history', 'endpoints', '--bogus'], ['fleet'], ['fleet', 'osquery-config', '--platform', 'beos']]) {
      const refused = await runCli(bad, cliEnv);
      expect(refused.code, bad.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/^telltale: /);
    }
  }, 90_000);

  it('prints the osquery config for each platform', async () => {
    for (const platform of ['linux', 'darwin', 'windows'] as const) {
      const run = await runCli(['fleet', 'osquery-config', '--platform', platform], env());
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(osqueryConfig(platform));
    }
  }, 60_000);
});
