import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi } from '../../../renderer/src/api/httpApi.js';
import { errorText } from '../../../renderer/src/api/error-text.js';
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

/** The event streams the stand-in host has open, newest last: a test writes SSE text to them. */
const streams: { url: string | undefined; auth: string | undefined; response: ServerResponse }[] = [];

// A stand-in for the browser host: real HTTP on loopback, with the replies each test needs.
const server: Server = createServer((request, response) => {
  if (request.url === '/api/events') {
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return void response.writeHead(401).end();
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    response.write(': open\n\n');
    streams.push({ url: request.url, auth: request.headers.authorization, response });
    return;
  }
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
afterEach(() => {
  for (const stream of streams.splice(0)) stream.response.end();
});

function client(token: string | null, problems: string[] = [], onStreamError: () => void = () => undefined) {
  const raw = createHttpApi({ baseUrl, token, fetch, onStreamError, retryMs: 50 });
  return validated(raw, (message) => problems.push(message));
}

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** Writes one SSE event to the newest open stream. */
const push = (event: string, data: string) => streams.at(-1)?.response.write(`event: ${event}\ndata: ${data}\n\n`);

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

  it('explains a rejected token, and the UI says it in its own words in either language', async () => {
    const error = await client('wrong').getSnapshot({}).catch((e: unknown) => e);
    expect((error as ApiError).message).toMatch(/Not authorised \(bad token\).*telltale serve/);
    expect((error as ApiError).refusal).toEqual({ kind: 'unauthorised', status: 401 });
    expect(errorText(error, 'en')).toBe('Not authorised (HTTP 401). Open Telltale with the link that `telltale serve` printed: it carries the access token.');
    expect(errorText(error, 'zh-CN')).toBe('未授权（HTTP 401）。请用 `telltale serve` 打印的链接打开 Telltale，链接中带有访问令牌。');
    // The host's own words for a failure that is not a refusal are shown as they are.
    const failed = await client(TOKEN).sampleNow({}).catch((e: unknown) => e);
    expect(errorText(failed, 'zh-CN')).toBe('sampler crashed');
  });

  it('rejects replies that break the contract or are not JSON instead of passing them on', async () => {
    await expect(client(TOKEN).getStatus({})).rejects.toThrow(/unexpected reply to getStatus: paused:/);
    await expect(client(TOKEN).getProbes({})).rejects.toThrow(/not JSON/);
  });

  it('reports an unreachable host', async () => {
    const api = validated(createHttpApi({ baseUrl: 'http://127.0.0.1:1', token: TOKEN, fetch, onStreamError: () => undefined }), () => undefined);
    const error = await api.getSnapshot({}).catch((e: unknown) => e);
    expect((error as ApiError).message).toMatch(/Cannot reach Telltale/);
    expect(errorText(error, 'zh-CN')).toMatch(/^无法连接到 Telltale：/);
  });
});

describe('HTTP API events (Server-Sent Events read with fetch)', () => {
  it('opens one event stream with the token, delivers valid events and reports malformed ones', async () => {
    const problems: string[] = [];
    const api = client(TOKEN, problems);
    const statuses: unknown[] = [];
    const snapshots: unknown[] = [];
    const offStatus = api.on('status', (payload) => statuses.push(payload));
    const offSnapshot = api.on('snapshot', (payload) => snapshots.push(payload));

    await until(() => streams.length === 1, 'the stream');
    expect(streams[0]).toMatchObject({ url: '/api/events', auth: `Bearer ${TOKEN}` });

    push('status', JSON.stringify(status));
    push('status', '{"paused":');
    push('snapshot', JSON.stringify({ seq: 1, snapshot: { ...snap(), schemaVersion: 1 } }));
    push('snapshot', JSON.stringify({ seq: 0, snapshot: null }));
    await until(() => snapshots.length === 1, 'the valid snapshot');
    expect(statuses).toEqual([status]);
    expect(snapshots).toEqual([{ seq: 0, snapshot: null }]);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/malformed snapshot update: snapshot\.schemaVersion/);

    offStatus();
    const stream = streams[0]!.response;
    expect(stream.destroyed).toBe(false);
    const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
    offSnapshot();
    await closed;
  });

  it('delivers deltas checked against the contract, split across chunks however they fall', async () => {
    const problems: string[] = [];
    const api = client(TOKEN, problems);
    const deltas: unknown[] = [];
    const off = api.on('delta', (payload) => deltas.push(payload));
    await until(() => streams.length === 1, 'the stream');
    const delta = diffForDelta({ seq: 1, snapshot: snap() }, snap({ connections: [conn({ pid: 9 })] }), 2);
    const text = `event: delta\r\ndata: ${JSON.stringify(delta)}\r\n\r\nevent: delta\ndata: ${JSON.stringify({ ...delta, baseSeq: -1 })}\n\n`;
    // In 7-character pieces: CRLFs, field names and the payloads split at arbitrary points.
    for (let at = 0; at < text.length; at += 7) streams[0]?.response.write(text.slice(at, at + 7));
    await until(() => problems.length === 1, 'both deltas');
    expect(deltas).toEqual([delta]);
    expect(problems).toEqual([expect.stringMatching(/malformed delta update: baseSeq/)]);
    off();
  });

  it('says when the event stream fails, and reconnects by itself', async () => {
    let failures = 0;
    const api = client(TOKEN, [], () => failures++);
    const seen: unknown[] = [];
    const off = api.on('status', (payload) => seen.push(payload));
    await until(() => streams.length === 1, 'the stream');
    streams[0]?.response.end();
    await until(() => failures === 1 && streams.length === 2, 'the failure and a new stream');
    push('status', JSON.stringify(status));
    await until(() => seen.length === 1, 'an event on the new stream');
    off();
  });

  it('counts a refused stream as a failure and keeps trying', async () => {
    let failures = 0;
    const off = client('wrong', [], () => failures++).on('status', () => undefined);
    await until(() => failures >= 2, 'two refusals');
    off();
    expect(streams).toEqual([]);
  });
});
