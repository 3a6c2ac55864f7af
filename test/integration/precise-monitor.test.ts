/**
 * Connection attempts through the real monitor (issue 14): children recognised as a tool make
 * short IPv4 and IPv6 connections and refused ones while the app runs; each is found in the
 * monitor's deltas and in the history with its pid, tool, outcome and end. Precise capture needs
 * root and tracefs: skipped with the adapter's reason elsewhere. The fast poller (no privilege
 * needed) must see a connection held 1 s.
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
let server6: LoopbackServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-attempts-'));
  server = await startLoopbackServer();
  server6 = await startLoopbackServer('::1');
});
afterAll(async () => {
  await server.close();
  await server6.close();
  await rm(dir, { recursive: true, force: true });
});

const ownInstances = () => readdirSync(path.join(TRACEFS, 'instances')).filter((name) => name.startsWith(`telltale-${process.pid}-`));

describe.skipIf(unavailable !== null)('precise capture in the monitor', () => {
  it('reports every short and refused IPv4 and IPv6 connection of a child, with its pid, process, command, tool and end, also in the history', async () => {
    const app = createApp({ intervalMs: 500, configDir: null, stateDir: path.join(dir, 'state'), precise: true });
    const attempts = collectAttempts(app.monitor);
    try {
      await app.history().ready;
      const status = await app.captureReady;
      expect(status).toMatchObject({ mode: 'precise', reason: null, pollMs: null, reader: 'raw' });
      expect(app.monitor.status.capture.mode).toBe('precise');
      expect(ownInstances()).toHaveLength(1);
      app.monitor.start();
      const [refusedPort, refusedPort6] = [await closedPort(), await closedPort('::1')];
      // 12 + 4 connections of 5 ms and 3 + 1 refused, all within a sample interval or two; the children exit at once.
      const pid = await runAsCodex(dir, connectorScript(12, 5, 3), [String(server.port), String(refusedPort)]);
      const pid6 = await runAsCodex(dir, connectorScript(4, 5, 1, 700, '::1'), [String(server6.port), String(refusedPort6)]);
      const of = (p: number) => attempts.filter((a) => a.pid === p);
      await eventually(() => of(pid).length >= 15 && of(pid6).length >= 5, 5000);

      for (const [p, port, refused, made, failedMade, protocol, address] of [
        [pid, server.port, refusedPort, 12, 3, 'tcp', '127.0.0.1'],
        [pid6, server6.port, refusedPort6, 4, 1, 'tcp6', '::1'],
      ] as const) {
        const established = of(p).filter((a) => a.outcome === 'established' && a.remotePort === port);
        const failed = of(p).filter((a) => a.outcome === 'failed' && a.remotePort === refused);
        expect(established).toHaveLength(made);
        expect(failed).toHaveLength(failedMade);
        expect(new Set(established.map((a) => a.localPort)).size).toBe(made);
        for (const attempt of of(p)) {
          expect(attempt).toMatchObject({ source: 'trace', process: 'node', toolId: 'codex-cli', protocol, remoteAddress: address });
          expect(attempt.durationMs).not.toBeNull();
        }
        // Each established one closed 5 ms or so later, before it was reported: it carries its end.
        for (const attempt of established) {
          const open = Date.parse(attempt.endedAt ?? '') - Date.parse(attempt.at);
          expect(open).toBeGreaterThanOrEqual(0);
          expect(open).toBeLessThan(1000);
        }
        expect(failed.every((a) => a.endedAt === undefined)).toBe(true);
        // The child had exited before the monitor reported these: the sampler's cache kept its command line.
        expect(established[0]?.command).toMatch(/codex\.cjs/);
      }
      expect(of(pid)[0]?.remote?.host).toBe('localhost');

      // The history has them, ends included.
      const stored = async () =>
        (await app.handlers.getHistoryEvents({ toolId: 'codex-cli', types: ['connection-attempt'], limit: 200 })).events.flatMap((e) =>
          e.event.type === 'connection-attempt' && (e.event.attempt.pid === pid || e.event.attempt.pid === pid6) ? [e.event.attempt] : [],
        );
      expect(await eventually(async () => (await stored()).length === 20, 5000)).toBe(true);
      const history = await stored();
      expect(history.filter((a) => a.outcome === 'established' && a.endedAt !== undefined)).toHaveLength(16);
      expect(history.filter((a) => a.outcome === 'failed')).toHaveLength(4);
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
