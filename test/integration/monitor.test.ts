/**
 * The app's monitor on this machine: the real sampler at a short interval, and a real child
 * process that opens a TCP connection to a server here and later closes it. The child runs a
 * script named codex.js, which the tool catalog recognises as Codex CLI: `node .../codex.js`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonitorEvent } from '../../contract/events.js';
import { createApp, type TelltaleApp } from '../../main/app/create-app.js';

const CHILD = `
const socket = require('net').connect(Number(process.argv[2]), '127.0.0.1', () => console.log('up'));
// A line on stdin closes the connection; the process stays.
process.stdin.on('data', () => socket.destroy());
setInterval(() => {}, 1e6);
`;

let dir: string;
let server: net.Server;
let port: number;
let child: ChildProcess | null = null;
let app: TelltaleApp | null = null;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-monitor-'));
  await writeFile(path.join(dir, 'codex.js'), CHILD);
  server = net.createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await app?.close();
  child?.kill('SIGKILL');
  server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Resolves with the first event `match` accepts, among those the monitor reports from now on. */
function nextEvent<T extends MonitorEvent>(running: TelltaleApp, match: (event: MonitorEvent) => event is T, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching event within ${timeoutMs} ms (last error: ${running.monitor.status.lastError ?? 'none'})`));
    }, timeoutMs);
    const off = running.monitor.on('delta', (delta) => {
      const found = delta.events.find(match);
      if (!found) return;
      clearTimeout(timer);
      off();
      resolve(found);
    });
  });
}

type ConnectionEvent = Extract<MonitorEvent, { type: 'connection-opened' | 'connection-closed' }>;
const childConnection =
  (type: ConnectionEvent['type']) =>
  (event: MonitorEvent): event is ConnectionEvent =>
    event.type === type && event.connection.pid === child?.pid && event.connection.remotePort === port;

describe('the monitor on this machine', () => {
  it('reports a child connection opened, then closed, with its pid and tool', async () => {
    const running = createApp({ intervalMs: 200, configDir: null, history: false });
    app = running;
    const events: MonitorEvent[] = [];
    running.monitor.on('delta', (delta) => events.push(...delta.events));
    const first = new Promise<void>((resolve) => running.monitor.on('snapshot', () => resolve()));
    running.monitor.start();
    // The child connects only once there is a first sample, so its connection is a change.
    await first;

    const opened = nextEvent(running, childConnection('connection-opened'));
    child = spawn(process.execPath, [path.join(dir, 'codex.js'), String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child?.stdout?.once('data', () => resolve()));
    const open = await opened;
    expect(open.connection).toMatchObject({ protocol: 'tcp', remoteAddress: '127.0.0.1', remotePort: port, toolId: 'codex-cli' });
    expect(open.connection.process).toBe('node');

    const closed = nextEvent(running, childConnection('connection-closed'));
    child.stdin?.write('close\n');
    const close = await closed;
    expect(close.connection).toMatchObject({ localPort: open.connection.localPort, remotePort: port, toolId: 'codex-cli' });

    // In that order, each once, and every event as the contract says.
    const mine = events.filter((e) => childConnection('connection-opened')(e) || childConnection('connection-closed')(e));
    expect(mine.map((e) => e.type)).toEqual(['connection-opened', 'connection-closed']);
    for (const event of events) MonitorEvent.parse(event);
  });
});
