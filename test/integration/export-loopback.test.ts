/**
 * The app's export (a real `telltale serve`, through its API) lists sockets on loopback in the
 * Markdown and HTML reports only when the request asks for them, as `--include-loopback` does on the
 * command line; it counts them either way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportResult } from '../../contract/api.js';
import { postApi, startServe } from '../helpers/serve-host.js';
import type { HostAddress } from '../helpers/sse.js';

/** Holds one connection to 127.0.0.1:port open until killed. */
const HOLDER = `require('net').connect(Number(process.argv[1]), '127.0.0.1', () => console.log('up')); setInterval(() => {}, 1e6);`;

let dir: string;
let serve: ChildProcess;
let holder: ChildProcess;
let server: net.Server;
let host: HostAddress;
let remote: string;

async function exportReport(format: 'md' | 'html', includeLoopback?: boolean): Promise<string> {
  const body = { format, redaction: {}, ...(includeLoopback === undefined ? {} : { includeLoopback }) };
  // Tags out, so the HTML reads as the Markdown does.
  return ExportResult.parse(JSON.parse(await postApi(host, 'exportSnapshot', body))).content.replace(/<[^>]*>/g, ' ');
}

/** Exports until the sampler has seen the held connection (the first sample may predate it). */
async function exportWithHolder(format: 'md' | 'html', includeLoopback: boolean): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await postApi(host, 'sampleNow');
    const content = await exportReport(format, includeLoopback);
    if (!includeLoopback || content.includes(remote) || Date.now() > deadline) return content;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-export-loopback-'));
  server = net.createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  remote = `127.0.0.1:${port}`;
  holder = spawn(process.execPath, ['-e', HOLDER, String(port)], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve) => holder.stdout?.once('data', () => resolve()));
  ({ child: serve, host } = await startServe({
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: path.join(dir, 'home'),
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_STATE_HOME: path.join(dir, 'state'),
  }));
}, 90_000);

afterAll(async () => {
  holder?.kill('SIGKILL');
  serve?.kill('SIGKILL');
  server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('exportSnapshot includeLoopback', () => {
  for (const format of ['md', 'html'] as const) {
    it(`${format}: lists the loopback socket only when asked`, async () => {
      const listed = await exportWithHolder(format, true);
      expect(listed).toContain(remote);
      expect(listed).toMatch(/Loopback\W+\d+, listed below/);
      const unlisted = await exportReport(format, false);
      expect(unlisted).not.toContain(remote);
      expect(unlisted).toMatch(/Loopback\W+\d+, not listed/);
      // Left out, the option means "not asked".
      expect(await exportReport(format)).not.toContain(remote);
    }, 60_000);
  }

  it('refuses an includeLoopback that is not a boolean', async () => {
    await expect(postApi(host, 'exportSnapshot', { format: 'md', redaction: {}, includeLoopback: 'yes' })).rejects.toThrow(/^400/);
  });
});
