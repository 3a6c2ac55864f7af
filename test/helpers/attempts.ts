/** What the connection-attempt tests share: a child that a catalog tool's path makes recognisable, and collecting attempts. */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { ConnectionAttempt } from '../../contract/attempts.js';
import type { Monitor } from '../../main/monitor/monitor.js';

/**
 * Runs `code` (CommonJS) as a process the catalog recognises as the Codex CLI (its script lives
 * in node_modules/@openai/codex), with `args`; resolves with its pid once it exited.
 */
export async function runAsCodex(dir: string, code: string, args: string[] = []): Promise<number> {
  const script = path.join(dir, 'node_modules', '@openai', 'codex', 'bin', 'codex.cjs');
  await mkdir(path.dirname(script), { recursive: true });
  await writeFile(script, code);
  const child = spawn(process.execPath, [script, ...args], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode) => (exitCode === 0 ? resolve(child.pid!) : reject(new Error(`the connector exited ${String(exitCode)}`))));
  });
}

/**
 * A child script: `count` connections to argv[2] on `host` held `holdMs` each, one after another,
 * then `refused` to argv[3]; it exits `lingerMs` later. A process that lives less than the capture's read
 * interval (250 ms) may be gone before anyone saw its command line: then only its name is known.
 */
export function connectorScript(count: number, holdMs: number, refused: number, lingerMs = 700, host = '127.0.0.1'): string {
  return `const net = require('net');
const [port, closedPort] = process.argv.slice(2).map(Number);
const once = (p, hold) => new Promise((resolve) => {
  const s = net.connect(p, ${JSON.stringify(host)}, () => setTimeout(() => s.destroy(), hold));
  s.on('error', () => {}); s.on('close', resolve);
});
(async () => {
  for (let i = 0; i < ${count}; i++) await once(port, ${holdMs});
  for (let i = 0; i < ${refused}; i++) await once(closedPort, 0);
  setTimeout(() => {}, ${lingerMs});
})();`;
}

/** A loopback port nothing listens on (bound a moment ago, then closed). */
export async function closedPort(host = '127.0.0.1'): Promise<number> {
  const server = net.createServer().listen(0, host);
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every attempt the monitor's deltas carry from now on. */
export function collectAttempts(monitor: Monitor): ConnectionAttempt[] {
  const attempts: ConnectionAttempt[] = [];
  monitor.on('delta', (delta) => {
    for (const event of delta.events) if (event.type === 'connection-attempt') attempts.push(event.attempt);
  });
  return attempts;
}

/** Waits until `check` holds (polled every 100 ms) or `ms` passed; returns whether it held. */
export async function eventually(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}
