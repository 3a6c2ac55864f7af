import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi, type EventStream } from '../../../renderer/src/api/httpApi.js';
import { ApiError } from '../../../renderer/src/api/untrusted.js';
import { validated } from '../../../renderer/src/api/validated.js';
import { diffForDelta } from '../../../main/monitor/changes.js';
import { conn, snap } from '../monitor/snapshots.js';

const TOKEN = 'secret-token-123';
const status = { paused: true, sampling: false, lastSampleAt: null, intervalMs: 5000, lastError: null, capture: { mode: 'polling', reason: null, pollMs: null }, language: 'en', now: '2026-11-24T10:00:00.000Z' };

type Seen = { method: string | undefined; url: string | undefined; auth: string | undefined; body: unknown };
const seen: Seen[] = [];

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text ? JSON.parse(text) : undefined;
}

// A stand-in for the browser host: real HTTP on loopback, with the replies each test needs.
const server: Server = createServer((request, response) => {
  void readBody(request).then((body) => {
    seen.push({ method: request.method, url: request.url, auth: request.headers.authorization, body });
    const reply = (code: number, payload: string) => {
      response.writeHead(code, { 'content-type': 'application/json' });
      response.end(payload);
    };
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return reply(401, JSON.stringify({ error: 'bad token' }));
    switch (request.url) {
      case '/api/getSnapshot':
        return reply(200, JSON.stringify({ seq: 3, snapshot: snap() }));
      case '/api/setPaused':
        return reply(200, JSON.stringify(status));
      case '/api/getStatus':
        return reply(200, JSON.stringify({ ...status, paused: 'no' }));
      case '/api/sampleNow':
        return reply(500, JSON.stringify({ error: 'sampler crashed' }));
      default:
        return reply(200, 'this is not JSON');
    }
  });
});

let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Records what the client opens and lets the test push named events. */
function fakeEvents() {
  const opened: { url: string; listeners: Map<string, (event: { data: string }) => void>; closed: boolean }[] = [];
  const open = (url: string): EventStream => {
    const entry = { url, listeners: new Map<string, (event: { data: string }) => void>(), closed: false };
    opened.push(entry);
    return {
      addEventListener: (type, listener) => entry.listeners.set(type, listener),
      close: () => {
        entry.closed = true;
      },
    };
  };
  return { opened, open };
}

function client(token: string | null, problems: string[] = [], events = fakeEvents(), onStreamError: () => void = () => undefined) {
  const raw = createHttpApi({ baseUrl, token, fetch, openEvents: events.open, onStreamError });
  return validated(raw, (message) => problems.push(message));
}

describe('HTTP API client', () => {
  it('POSTs the request as JSON with the bearer token and returns the validated reply', async () => {
    const api = client(TOKEN);
    await expect(api.setPaused({ paused: true })).resolves.toEqual(status);
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/api/setPaused', auth: `Bearer ${TOKEN}`, body: { paused: true } });
    const first = await api.getSnapshot({});
    expect(first.seq).toBe(3);
    expect(first.snapshot?.tools[0]?.name).toBe('Claude Code');
  });

  it('turns an error reply into an ApiError with the server message', async () => {
    const error = await client(TOKEN).sampleNow({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('sampler crashed');
    expect((error as ApiError).call).toBe('sampleNow');
  });

  it('explains a rejected token', async () => {
    await expect(client('wrong').getSnapshot({})).rejects.toThrow(/Not authorised \(bad token\).*telltale serve/);
  });

  it('rejects replies that break the contract or are not JSON instead of passing them on', async () => {
    await expect(client(TOKEN).getStatus({})).rejects.toThrow(/unexpected reply to getStatus: paused:/);
    await expect(client(TOKEN).getProbes({})).rejects.toThrow(/not JSON/);
  });

  it('reports an unreachable host', async () => {
    const api = validated(
      createHttpApi({ baseUrl: 'http://127.0.0.1:1', token: TOKEN, fetch, openEvents: fakeEvents().open, onStreamError: () => undefined }),
      () => undefined,
    );
    await expect(api.getSnapshot({})).rejects.toThrow(/Cannot reach Telltale/);
  });
});

describe('HTTP API events', () => {
  it('opens one event stream with the token, delivers valid events and reports malformed ones', () => {
    const events = fakeEvents();
    const problems: string[] = [];
    const api = client(TOKEN, problems, events);
    const statuses: unknown[] = [];
    const snapshots: unknown[] = [];
    const offStatus = api.on('status', (payload) => statuses.push(payload));
    const offSnapshot = api.on('snapshot', (payload) => snapshots.push(payload));

    expect(events.opened).toHaveLength(1);
    const stream = events.opened[0]!;
    expect(new URL(stream.url).pathname).toBe('/api/events');
    expect(new URL(stream.url).searchParams.get('token')).toBe(TOKEN);

    stream.listeners.get('status')?.({ data: JSON.stringify(status) });
    stream.listeners.get('status')?.({ data: '{"paused":' });
    stream.listeners.get('snapshot')?.({ data: JSON.stringify({ seq: 1, snapshot: { ...snap(), schemaVersion: 1 } }) });
    expect(statuses).toEqual([status]);
    expect(snapshots).toEqual([]);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/malformed snapshot update: snapshot\.schemaVersion/);
    stream.listeners.get('snapshot')?.({ data: JSON.stringify({ seq: 0, snapshot: null }) });
    expect(snapshots).toEqual([{ seq: 0, snapshot: null }]);

    offStatus();
    expect(stream.closed).toBe(false);
    offSnapshot();
    expect(stream.closed).toBe(true);
  });

  it('delivers deltas checked against the contract', () => {
    const events = fakeEvents();
    const problems: string[] = [];
    const api = client(TOKEN, problems, events);
    const deltas: unknown[] = [];
    api.on('delta', (payload) => deltas.push(payload));
    const delta = diffForDelta({ seq: 1, snapshot: snap() }, snap({ connections: [conn({ pid: 9 })] }), 2);
    events.opened[0]?.listeners.get('delta')?.({ data: JSON.stringify(delta) });
    events.opened[0]?.listeners.get('delta')?.({ data: JSON.stringify({ ...delta, baseSeq: -1 }) });
    expect(deltas).toEqual([delta]);
    expect(problems).toEqual([expect.stringMatching(/malformed delta update: baseSeq/)]);
  });

  it('says when the event stream fails', () => {
    const events = fakeEvents();
    let failures = 0;
    client(TOKEN, [], events, () => failures++).on('status', () => undefined);
    events.opened[0]?.listeners.get('error')?.({ data: '' });
    expect(failures).toBe(1);
  });
});
