/**
 * `sudo telltale capture`, the privileged helper: its socket is for one user only, it streams
 * every connection to that user's Telltale, and the app goes back to polling when it stops and
 * reconnects when it returns. Needs root and tracefs (skipped otherwise, with the reason).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app/create-app.js';
import { collectAttempts, connectorScript, eventually, runAsCodex } from '../helpers/attempts.js';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { traceUnavailable } from '../helpers/trace-available.js';

const unavailable = await traceUnavailable('capture helper tests');
const setpriv = spawnSync('setpriv', ['--version']).status === 0;
if (!setpriv) console.warn('capture helper: no setpriv, the socket is checked by its permission bits only');

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = path.join(root, 'test/helpers/cli-entry.ts');
const NOBODY = 65534;
const OTHER = 4242;

/** Starts `telltale capture ARGS` and resolves once it serves. */
async function startHelper(args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'capture', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const take = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('serving')) resolve();
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    child.on('exit', (code) => reject(new Error(`telltale capture exited ${String(code)}: ${out}`)));
  });
  return child;
}

async function stopHelper(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A client run as `uid`: prints the first line it gets that matches `wanted`, or the error code it fails with. */
function clientAs(uid: number, socketPath: string, wanted = '"type":"hello"'): Promise<string> {
  const code = `const s = require('net').connect(${JSON.stringify(socketPath)});
const wanted = new RegExp(${JSON.stringify(wanted)});
let got = ''; s.setEncoding('utf8');
s.on('data', (d) => { got += d; const line = got.split('\\n').find((l) => wanted.test(l)); if (line) { console.log(line); process.exit(0); } });
s.on('error', (e) => { console.log(e.code); process.exit(0); });
setTimeout(() => { console.log('timeout ' + got.slice(0, 200)); process.exit(0); }, 8000);`;
  return new Promise((resolve) => {
    const child = spawn('setpriv', [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', process.execPath, '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', () => resolve(out.trim()));
  });
}

let dir: string;
let server: LoopbackServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-helper-'));
  await chmod(dir, 0o755); // other users must reach the helper's own directory inside it
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(unavailable !== null)('telltale capture', () => {
  it('serves one user only: its directory 0700 and socket 0600 are that user\'s; another uid is refused', async () => {
    const socketPath = path.join(dir, 'nobody', 'capture.sock');
    const helper = await startHelper(['--user', String(NOBODY), '--socket', socketPath]);
    try {
      const folder = await stat(path.dirname(socketPath));
      const socket = await stat(socketPath);
      expect({ uid: folder.uid, mode: folder.mode & 0o777 }).toEqual({ uid: NOBODY, mode: 0o700 });
      expect({ uid: socket.uid, mode: socket.mode & 0o777, socket: socket.isSocket() }).toEqual({ uid: NOBODY, mode: 0o600, socket: true });
      if (!setpriv) return;
      expect(await clientAs(OTHER, socketPath)).toBe('EACCES');
      // The user it serves gets the connections of every process, as JSON lines.
      const line = clientAs(NOBODY, socketPath, `"type":"established".*"remotePort":${server.port},`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const pid = await runAsCodex(dir, connectorScript(1, 5, 0), [String(server.port), '1']);
      const first = JSON.parse(await line) as Record<string, unknown>;
      expect(first).toMatchObject({ type: 'established', pid, comm: 'node', remoteAddress: '127.0.0.1' });
    } finally {
      await stopHelper(helper);
    }
  });

  it('feeds an unprivileged app: precise while the helper runs, polling while it is gone, reconnecting when it is back', async () => {
    const socketPath = path.join(dir, 'own', 'capture.sock');
    const uid = process.getuid!();
    let helper = await startHelper(['--user', String(uid), '--socket', socketPath]);
    // The app as an unprivileged user sees it: its own capture is not available.
    const app = createApp({ intervalMs: 500, configDir: null, history: false, precise: true, capture: { socketPath, startLocal: async () => ({ unavailable: 'not root (test)' }) } });
    const attempts = collectAttempts(app.monitor);
    try {
      const first = await app.captureReady;
      expect(first.reason ?? '').toContain(`sudo telltale capture --user ${uid}`);
      expect(await eventually(() => app.capture.status().mode === 'precise', 5000)).toBe(true);
      expect(app.capture.status().reader).toBe('raw'); // the helper's hello says how it reads the kernel
      app.monitor.start();
      const pid = await runAsCodex(dir, connectorScript(5, 5, 0), [String(server.port), '1']);
      await eventually(() => attempts.filter((a) => a.pid === pid).length >= 5, 5000);
      const mine = attempts.filter((a) => a.pid === pid);
      expect(mine).toHaveLength(5);
      for (const a of mine) expect(a).toMatchObject({ source: 'trace', outcome: 'established', toolId: 'codex-cli' });
      // Their ends came over the socket too.
      expect(mine.every((a) => a.endedAt !== undefined && Date.parse(a.endedAt) >= Date.parse(a.at))).toBe(true);

      await stopHelper(helper);
      expect(await eventually(() => app.capture.status().mode === 'polling', 5000)).toBe(true);
      expect(app.capture.status().pollMs).toBe(500);
      helper = await startHelper(['--user', String(uid), '--socket', socketPath]);
      expect(await eventually(() => app.capture.status().mode === 'precise', 6000)).toBe(true);
    } finally {
      await app.close();
      await stopHelper(helper);
    }
  });
});
