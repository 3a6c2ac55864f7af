/**
 * The browser host under load, over real loopback sockets: event-stream clients that stop reading
 * while large deltas flow, too many clients, and request bodies that are too large or too many at
 * once. The sampler is a fake whose every sample replaces 1500 connections, so each delta is
 * about half a megabyte.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { SequencedSnapshot } from '../../contract/api.js';
import type { SnapshotDelta } from '../../contract/events.js';
import { Monitor } from '../../main/monitor/monitor.js';
import { startServer, type RunningServer, type ServerOptions } from '../../main/server/server.js';
import { monitorOnlyHandlers } from '../helpers/monitor-handlers.js';
import { churningSnapshots } from '../helpers/churning-snapshots.js';
import { readEvents, SseReader, type ReceivedEvent } from '../helpers/sse.js';

const CONNECTIONS_PER_SAMPLE = 1500;
const MAX_BUFFERED = 128 * 1024;

let staticDir: string;
const running: Array<{ server: RunningServer; monitor: Monitor }> = [];
const requests: ClientRequest[] = [];

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'telltale-load-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Telltale</title>');
  await writeFile(join(staticDir, 'app.js'), 'console.log(1);');
  await writeFile(join(staticDir, 'app.js.map'), '{"sources":["secret source"]}');
});

afterAll(() => rm(staticDir, { recursive: true, force: true }));

afterEach(async () => {
  for (const req of requests.splice(0)) req.destroy();
  for (const { server, monitor } of running.splice(0)) {
    monitor.stop();
    await server.close();
  }
});

/** A monitor whose every sample holds CONNECTIONS_PER_SAMPLE new connections (so each delta is large). */
const churningMonitor = (): Monitor => new Monitor({ takeSnapshot: churningSnapshots(CONNECTIONS_PER_SAMPLE), intervalMs: 3_600_000 });

async function host(options: Partial<ServerOptions> = {}): Promise<{ server: RunningServer; monitor: Monitor }> {
  const monitor = churningMonitor();
  const server = await startServer({ staticDir, handlers: monitorOnlyHandlers(monitor), events: monitor, ...options });
  running.push({ server, monitor });
  return { server, monitor };
}

function get(server: RunningServer, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens /api/events and reads nothing: the response is paused, so the socket fills up and stays full. */
function stalledStream(server: RunningServer): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, headers: { Host: `127.0.0.1:${server.port}` } },
      (res) => {
        res.pause();
        resolve(res);
      },
    );
    requests.push(req);
    req.on('error', reject);
    req.end();
  });
}

/** Resumes a paused stream and collects its events until `done` says so. */
function resumeAndRead(res: IncomingMessage, done: (events: ReceivedEvent[]) => boolean): Promise<ReceivedEvent[]> {
  const events: ReceivedEvent[] = [];
  const reader = new SseReader();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stream did not finish; got ${events.map((e) => e.event).join(',')}`)), 30_000);
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      for (const event of reader.push(chunk)) {
        events.push(event);
        if (!done(events)) continue;
        clearTimeout(timer);
        res.pause();
        return resolve(events);
      }
    });
    res.resume();
  });
}

async function postJson(server: RunningServer, name: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${name}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('event stream under clients that stop reading', () => {
  it('keeps what it queues for stalled clients bounded, serves a reading client every delta, and still answers the API', async () => {
    const { server, monitor } = await host({ eventStream: { maxBufferedBytes: MAX_BUFFERED, maxClients: 64 } });
    await monitor.sampleNow();
    const stalled = await Promise.all(Array.from({ length: 20 }, () => stalledStream(server)));
    await until(() => server.load().eventClients === 20, 'the stalled clients to be registered');

    let largestFrame = 0;
    let sentBytes = 0;
    monitor.on('delta', (delta) => {
      const size = JSON.stringify(delta).length + 32;
      largestFrame = Math.max(largestFrame, size);
      sentBytes += size;
    });
    const SAMPLES = 30;
    const lastSeq = monitor.current.seq + SAMPLES;
    const seqOf = (e: { event: string; data: unknown }) => (e.event === 'delta' || e.event === 'snapshot' ? (e.data as { seq: number }).seq : null);
    const reader = readEvents(server, (seen) => seen.some((e) => seqOf(e) === lastSeq), 60_000);
    await until(() => server.load().eventClients === 21, 'the reading client');
    let peakQueued = 0;
    for (let i = 0; i < SAMPLES; i++) {
      await monitor.sampleNow();
      peakQueued = Math.max(peakQueued, server.load().queuedEventBytes);
      expect(await postJson(server, 'getStatus', '{}')).toBe(200);
    }
    const received = await reader;

    // Every stalled client got far more than the bound sent its way; the host kept at most the
    // bound plus the frame that crossed it per client (and the frames are shared buffers besides).
    expect(sentBytes).toBeGreaterThan(20 * MAX_BUFFERED);
    expect(server.load().laggingClients).toBeGreaterThanOrEqual(20);
    expect(peakQueued).toBeLessThanOrEqual(21 * (MAX_BUFFERED + largestFrame));
    expect(peakQueued).toBeLessThan(20 * sentBytes);

    // The reading client reached the last sample, each delta following on from what it held
    // (a snapshot in between, had it fallen behind for a moment).
    let held = -1;
    for (const e of received) {
      if (e.event === 'snapshot') held = (e.data as SequencedSnapshot).seq;
      if (e.event === 'delta') {
        expect((e.data as SnapshotDelta).baseSeq).toBe(held);
        held = (e.data as SnapshotDelta).seq;
      }
    }
    expect(held).toBe(lastSeq);

    // A stalled client that reads again gets the latest state whole, then deltas from it.
    const latest = monitor.current.seq;
    const resumed = resumeAndRead(stalled[0] as IncomingMessage, (seen) => {
      const snapshot = seen.find((e) => e.event === 'snapshot' && (e.data as SequencedSnapshot).seq === latest);
      if (snapshot && seen.at(-1) === snapshot) void monitor.sampleNow();
      return seen.some((e) => e.event === 'delta' && (e.data as SnapshotDelta).baseSeq === latest);
    });
    const afterResume = await resumed;
    const missedDeltas = afterResume.filter((e) => e.event === 'delta' && (e.data as SnapshotDelta).seq <= latest);
    // At most the deltas that were already queued before it lagged; the rest became one snapshot.
    expect(missedDeltas.length).toBeLessThan(SAMPLES);
    expect(afterResume.filter((e) => e.event === 'snapshot').map((e) => (e.data as SequencedSnapshot).seq)).toContain(latest);
  }, 120_000);

  it('drops a client that stays stalled past the limit', async () => {
    const { server, monitor } = await host({ eventStream: { maxBufferedBytes: MAX_BUFFERED, stalledDropMs: 300 } });
    await monitor.sampleNow();
    const stalled = await stalledStream(server);
    await until(() => server.load().eventClients === 1, 'the client');
    // Samples until the socket's buffers are full and it stays lagging for longer than the limit.
    for (let i = 0; i < 50 && server.load().eventClients === 1; i++) {
      await monitor.sampleNow();
      await new Promise((resolve) => setTimeout(resolve, 350));
    }
    await until(() => server.load().eventClients === 0, 'the client to be dropped');
    expect(server.load().queuedEventBytes).toBe(0);
    // Reading again, the client finds its stream cut (EventSource would reconnect).
    const cut = new Promise<void>((resolve) => stalled.socket.once('close', () => resolve()));
    stalled.resume();
    await cut;
  }, 60_000);

  it('refuses the one client too many with 503 and a reason', async () => {
    const { server } = await host({ eventStream: { maxClients: 2 } });
    await stalledStream(server);
    await stalledStream(server);
    await until(() => server.load().eventClients === 2, 'two clients');
    const third = await get(server, `/api/events?token=${server.token}`);
    expect(third.status).toBe(503);
    expect(JSON.parse(third.body).error).toMatch(/Too many open event streams \(at most 2\)/);
    // The API itself is not capped.
    expect(await postJson(server, 'getStatus', '{}')).toBe(200);
  });
});

/** Sends the head of a POST whose body is `length` bytes and `sent` of them; the rest is up to the caller. */
function partialPost(server: RunningServer, length: number, sent: number): { req: ClientRequest; reply: Promise<number | string> } {
  const req = httpRequest({
    host: '127.0.0.1',
    port: server.port,
    path: '/api/getStatus',
    method: 'POST',
    headers: {
      Host: `127.0.0.1:${server.port}`,
      Authorization: `Bearer ${server.token}`,
      'Content-Type': 'application/json',
      'Content-Length': String(length),
    },
  });
  requests.push(req);
  const reply = new Promise<number | string>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
  req.write(`{${' '.repeat(sent - 1)}`);
  return { req, reply };
}

describe('request bodies', () => {
  const MIB = 1024 * 1024;

  it('refuses a body over the size limit with 413, declared or streamed', async () => {
    const { server } = await host({ bodies: { maxBodyBytes: MIB, budgetBytes: 4 * MIB } });
    const declared = partialPost(server, 2 * MIB, 10);
    expect(await declared.reply).toBe(413);

    // No length given: refused once the bytes read pass the limit, and the connection is closed.
    const streamed = httpRequest({
      host: '127.0.0.1',
      port: server.port,
      path: '/api/getStatus',
      method: 'POST',
      headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
    });
    requests.push(streamed);
    const outcome = new Promise<number | string>((resolve) => {
      streamed.on('response', (res) => resolve(res.statusCode ?? 0));
      streamed.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    const chunk = `{${' '.repeat(64 * 1024)}`;
    for (let i = 0; i < 40; i++) streamed.write(i === 0 ? chunk : ' '.repeat(64 * 1024));
    expect(await outcome).toBe(413);
    await until(() => server.load().bodyBytesHeld === 0, 'the refused bodies to be released');
  });

  it('answers 503 while other bodies hold the memory budget, and releases it when they are done', async () => {
    const { server } = await host({ bodies: { maxBodyBytes: MIB, budgetBytes: 2 * MIB } });
    const size = 900 * 1024;
    const first = partialPost(server, size, 1000);
    const second = partialPost(server, size, 1000);
    await until(() => server.load().bodyBytesHeld === 2 * size, 'two bodies to be held');
    const third = partialPost(server, size, 1000);
    expect(await third.reply).toBe(503);

    for (const { req } of [first, second]) req.end(`${' '.repeat(size - 1000 - 1)}}`);
    expect(await first.reply).toBe(200);
    expect(await second.reply).toBe(200);
    await until(() => server.load().bodyBytesHeld === 0, 'the budget to be released');
    expect(await postJson(server, 'getStatus', `{${' '.repeat(size)}}`)).toBe(200);
  });
});

describe('source maps', () => {
  it('are never served, even when the built folder has one', async () => {
    const { server } = await host();
    expect((await get(server, `/app.js?token=${server.token}`)).status).toBe(200);
    const map = await get(server, `/app.js.map?token=${server.token}`);
    expect(map.status).toBe(404);
    expect(map.body).not.toContain('secret source');
  });
});
