/**
 * The sampling pipeline kept across samples (as the monitor keeps it): what it caches never goes
 * stale. A real HOME on disk whose config changes between samples, and a real child process whose
 * connection comes and goes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemIo } from '../../main/adapters/system-io.js';
import { createSnapshotSource } from '../../main/sample.js';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

let home: string;
let server: LoopbackServer;
let port: number;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'telltale-pipeline-'));
  server = await startLoopbackServer();
  port = server.port;
});
afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

function holder(): Promise<ChildProcess> {
  const code = `const s = require('net').connect(${port}, '127.0.0.1', () => console.log('ready')); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', code, '--', '--api-key', 'sk-ant-api03-pipelinesecret0123456789'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('error', reject);
  });
}

describe('a snapshot source kept across samples', () => {
  it('sees a config change at once, and a connection open and close, with the process listed once', async () => {
    await writeFile(path.join(home, '.npmrc'), 'registry=https://registry.npmjs.org/\n');
    const ctx = { env: { HOME: home, PATH: process.env.PATH, TZ: 'UTC' }, home, platform: process.platform, io: systemIo };
    const source = createSnapshotSource({ ctx, stateDir: path.join(home, 'state') });
    const registry = (s: Awaited<ReturnType<typeof source.take>>) =>
      s.signals.find((x) => x.kind === 'registry' && x.key.ecosystem === 'npm' && x.key.setting === 'registry')?.value;

    const first = await source.take();
    expect(registry(first)).toBe('https://registry.npmjs.org/');
    expect(first.inferences.find((i) => i.id === 'location.country')).toBeUndefined();

    await writeFile(path.join(home, '.npmrc'), 'registry=https://registry.npmmirror.com/\n');
    const child = await holder();
    try {
      const second = await source.take();
      expect(registry(second)).toBe('https://registry.npmmirror.com/');
      expect(second.inferences.find((i) => i.id === 'location.country')?.value).toBe('CN');
      const held = second.connections.find((c) => c.pid === child.pid && c.remotePort === port);
      expect(held).toMatchObject({ remoteAddress: '127.0.0.1', state: 'ESTABLISHED', remote: { host: 'localhost' } });
      expect(held).not.toHaveProperty('command');
      const owners = second.processes.filter((p) => p.pid === child.pid);
      expect(owners).toHaveLength(1);
      expect(owners[0]?.command).toContain('--api-key ***');
      expect(JSON.stringify(second)).not.toContain('pipelinesecret');
    } finally {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const third = await source.take();
    expect(third.connections.some((c) => c.pid === child.pid)).toBe(false);
    expect(third.processes.some((p) => p.pid === child.pid)).toBe(false);
  });
});
