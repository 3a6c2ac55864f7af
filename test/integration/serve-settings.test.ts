/**
 * `telltale serve` as a user runs it (a real child process with a temporary HOME and config dir):
 * it honours the settings file, follows edits to it, and tells an event-stream client when an AI
 * coding tool starts (a real child process running a script named codex.js, which the catalog
 * recognises as Codex CLI).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls, type SamplerStatus } from '../../contract/api.js';
import type { AppNotification } from '../../contract/notification.js';
import { postApi, startServe } from '../helpers/serve-host.js';
import { readEvents, type HostAddress } from '../helpers/sse.js';

const TOOL = `
const socket = require('net').connect(Number(process.argv[2]), '127.0.0.1', () => console.log('up'));
setInterval(() => {}, 1e6);
`;

let dir: string;
let settingsFile: string;
let serve: ChildProcess;
let host: HostAddress;
let tool: ChildProcess | null = null;
let server: net.Server;
let stderr: () => string;

const post = async (name: string, body: unknown = {}): Promise<unknown> => JSON.parse(await postApi(host, name, body)) as unknown;

const status = async (): Promise<SamplerStatus> => apiCalls.getStatus.response.parse(await post('getStatus'));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-serve-settings-'));
  const configHome = path.join(dir, 'config');
  settingsFile = path.join(configHome, 'telltale', 'settings.json');
  await mkdir(path.dirname(settingsFile), { recursive: true });
  await mkdir(path.join(dir, 'home'));
  await writeFile(settingsFile, JSON.stringify({ intervalSeconds: 1, paused: true }));
  await writeFile(path.join(dir, 'codex.js'), TOOL);
  server = net.createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  ({ child: serve, host, stderr } = await startServe({
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: path.join(dir, 'home'),
    XDG_CONFIG_HOME: configHome,
  }));
}, 90_000);

afterAll(async () => {
  tool?.kill('SIGKILL');
  serve?.kill('SIGKILL');
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('telltale serve and the settings file', () => {
  it('starts with the interval and the pause the file says', async () => {
    expect(await status()).toMatchObject({ intervalMs: 1000, paused: true, lastSampleAt: null });
    expect(apiCalls.getSettings.response.parse(await post('getSettings'))).toMatchObject({ intervalSeconds: 1, paused: true });
  });

  it('follows an edit of the file: a settings event, then the new interval and pause in force', async () => {
    const changed = readEvents(host, (events) => events.some((e) => e.event === 'settings'), 20_000);
    await writeFile(settingsFile, JSON.stringify({ intervalSeconds: 2, paused: false }));
    const events = await changed;
    expect(events.find((e) => e.event === 'settings')?.data).toMatchObject({ intervalSeconds: 2, paused: false });
    expect(await status()).toMatchObject({ intervalMs: 2000, paused: false });
  }, 30_000);

  it('saves a change made through the API to the file', async () => {
    await post('updateSettings', { notifications: { mutedRules: ['exposure-rose'] } });
    const saved = JSON.parse(await readFile(settingsFile, 'utf8')) as unknown;
    expect(saved).toMatchObject({ intervalSeconds: 2, paused: false, notifications: { mutedRules: ['exposure-rose'] } });
  });

  it('sends a notification to an event-stream client when an AI coding tool starts', async () => {
    // After the first sample and the start-up grace (3 s), a tool that starts is news.
    await readEvents(host, (events) => events.some((e) => e.event === 'delta'), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const notified = readEvents(
      host,
      (events) => events.some((e) => e.event === 'notification' && (e.data as AppNotification).rule === 'tool-started'),
      45_000,
    );
    tool = spawn(process.execPath, [path.join(dir, 'codex.js'), String((server.address() as net.AddressInfo).port)], { stdio: 'ignore' });
    const events = await notified;
    const notification = events.find((e) => e.event === 'notification' && (e.data as AppNotification).rule === 'tool-started')?.data as AppNotification;
    expect(notification).toMatchObject({ rule: 'tool-started', toolId: 'codex-cli', folded: 0 });
    // Named as the catalog names it, never by its id.
    expect(notification.title).toMatch(/Codex CLI started$/);
    expect(`${notification.title} ${notification.body}`).not.toContain('codex-cli');
    expect(stderr()).toBe('');
  }, 90_000);
});
