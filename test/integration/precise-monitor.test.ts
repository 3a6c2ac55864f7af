/**
 * Connection attempts through the real monitor (issue 14): a child recognised as a tool makes
 * short connections and refused ones while the app runs; each is found in the monitor's deltas
 * with its pid and tool. Precise capture needs root and tracefs: skipped with the adapter's reason
 * elsewhere. The fast poller (no privilege needed) must see a connection held 1 s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app/create-app.js';
import { TRACEFS } from '../../main/adapters/trace-capture.js';
import { closedPort, collectAttempts, connectorScript, eventually, runAsCodex } from '../helpers/attempts.js';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { traceUnavailable } from '../helpers/trace-available.js';

const unavailable = await traceUnavailable('precise monitor test');

let dir: string;
let server: LoopbackServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-attempts-'));
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const ownInstances = () => readdirSync(path.join(TRACEFS, 'instances')).filter((name) => name.startsWith(`telltale-${process.pid}-`));

describe.skipIf(unavailable !== null)('precise capture in the monitor', () => {
  it('reports every short and refused connection of a child, with its pid, process, command and tool', async () => {
    const app = createApp({ intervalMs: 500, configDir: null, history: false, precise: true });
    const attempts = collectAttempts(app.monitor);
    try {
      const status = await app.captureReady;
      expect(status).toMatchObject({ mode: 'precise', reason: null, pollMs: null });
      expect(app.monitor.status.capture.mode).toBe('precise');
      expect(ownInstances()).toHaveLength(1);
      app.monitor.start();
      const refusedPort = await closedPort();
      // 12 connections of 5 ms and 3 refused, all within one sample interval or two; the child exits at once.
      const pid = await runAsCodex(dir, connectorScript(12, 5, 3), [String(server.port), String(refusedPort)]);
      const mine = () => attempts.filter((a) => a.pid === pid);
      await eventually(() => mine().length >= 15, 5000);

      const established = mine().filter((a) => a.outcome === 'established' && a.remotePort === server.port);
      const failed = mine().filter((a) => a.outcome === 'failed' && a.remotePort === refusedPort);
      expect(established).toHaveLength(12);
      expect(failed).toHaveLength(3);
      expect(new Set(established.map((a) => a.localPort)).size).toBe(12);
      for (const attempt of mine()) {
        expect(attempt).toMatchObject({ source: 'trace', process: 'node', toolId: 'codex-cli', protocol: 'tcp', remoteAddress: '127.0.0.1' });
        expect(attempt.remote?.host).toBe('localhost');
        expect(attempt.durationMs).not.toBeNull();
      }
      // The child had exited before the monitor reported these: the sampler's cache kept its command line.
      expect(established[0]?.command).toMatch(/codex\.cjs/);
    } finally {
      await app.close();
    }
    expect(ownInstances()).toEqual([]);
  });
});

describe('fast polling', () => {
  it('sees a connection held 1 s, with its pid and tool, without precise capture', async () => {
    const app = createApp({ intervalMs: 60_000, configDir: null, history: false, precise: false });
    const attempts = collectAttempts(app.monitor);
    try {
      const status = await app.captureReady;
      expect(status).toMatchObject({ mode: 'polling', pollMs: 500 });
      expect(status.reason).toMatch(/shorter than 500 ms may be missed/);
      app.monitor.start();
      await eventually(() => app.monitor.snapshot !== null, 10_000);
      // The poller's first look only learns what is already open: the child connects after it.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const pid = await runAsCodex(dir, connectorScript(1, 1000, 0), [String(server.port), '1']);
      // Attempts reach the monitor's next delta: ask for it rather than wait a minute.
      await app.monitor.sampleNow();
      const seen = attempts.filter((a) => a.pid === pid);
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ source: 'poll', toolId: 'codex-cli', remotePort: server.port });
      expect(['seen', 'established']).toContain(seen[0]?.outcome);
    } finally {
      await app.close();
    }
  });
});
