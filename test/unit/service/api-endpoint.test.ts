/**
 * The transport-neutral API handler both hosts serve (Electron's app:// and the browser host),
 * under plain Node with real web Request and Response objects and a real Monitor: calls,
 * validation errors, size limits, the origin rule, and the event stream (a snapshot, then deltas,
 * backpressure, and the end when the client cancels).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { apiCalls, type SequencedSnapshot } from '../../../contract/api.js';
import type { SnapshotDelta } from '../../../contract/events.js';
import { Monitor } from '../../../main/monitor/monitor.js';
import { createApiEndpoint, type ApiEndpoint, type ApiEndpointOptions } from '../../../main/service/api-endpoint.js';
import { churningSnapshots } from '../../helpers/churning-snapshots.js';
import { monitorOnlyHandlers } from '../../helpers/monitor-handlers.js';
import { SseReader, type ReceivedEvent } from '../../helpers/sse.js';

const ORIGIN = 'app://telltale';
const open: Array<{ endpoint: ApiEndpoint; monitor: Monitor }> = [];

afterEach(() => {
  for (const { endpoint, monitor } of open.splice(0)) {
    endpoint.close();
    monitor.stop();
  }
});

function setup(options: Partial<Omit<ApiEndpointOptions, 'handlers' | 'events'>> = {}, connections = 3) {
  const monitor = new Monitor({ takeSnapshot: churningSnapshots(connections), intervalMs: 3_600_000 });
  const endpoint = createApiEndpoint({ handlers: monitorOnlyHandlers(monitor), events: monitor, ...options });
  open.push({ endpoint, monitor });
  return { monitor, endpoint };
}

function post(name: string, body: string | ReadableStream<Uint8Array> | null, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function errorOf(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return ((await response.json()) as { error: string }).error;
}

describe('API calls', () => {
  it('answers a call with its reply as JSON, under the security headers', async () => {
    const { endpoint, monitor } = setup();
    const paused = await endpoint.handle(post('setPaused', JSON.stringify({ paused: true })));
    expect(paused.status).toBe(200);
    expect(paused.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(apiCalls.setPaused.response.parse(await paused.json()).paused).toBe(true);
    expect(monitor.status.paused).toBe(true);
    // No body at all counts as {} for a call without arguments; same-origin GET-less fetches carry no Origin.
    const status = await endpoint.handle(new Request(`${ORIGIN}/api/getStatus`, { method: 'POST', headers: { 'content-type': 'application/json' } }));
    expect(apiCalls.getStatus.response.parse(await status.json()).paused).toBe(true);
  });

  it('says what was wrong with a bad request, with the HTTP status to match', async () => {
    const { endpoint } = setup();
    const invalid = await endpoint.handle(post('setPaused', JSON.stringify({ paused: 'yes' })));
    expect(invalid.status).toBe(400);
    expect(await errorOf(invalid)).toMatch(/^Invalid request for setPaused: .*paused/s);
    const unknown = await endpoint.handle(post('deleteEverything', '{}'));
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toBe('Unknown API call "deleteEverything".');
    const notJson = await endpoint.handle(post('getStatus', '{"oops'));
    expect([notJson.status, await errorOf(notJson)]).toEqual([400, 'Request body is not valid JSON.']);
    const wrongType = await endpoint.handle(post('getStatus', '{}', { 'content-type': 'text/plain' }));
    expect(wrongType.status).toBe(415);
    const get = await endpoint.handle(new Request(`${ORIGIN}/api/getStatus`));
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const postEvents = await endpoint.handle(post('events', '{}'));
    expect([postEvents.status, postEvents.headers.get('allow')]).toEqual([405, 'GET']);
  });

  it('refuses requests from any other origin or site', async () => {
    const { endpoint, monitor } = setup();
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'app://telltale.evil' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }];
    for (const headers of foreign) {
      const refused = await endpoint.handle(post('setPaused', '{"paused":true}', headers));
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(await errorOf(refused)).toMatch(/^Cross-(origin|site) requests are not allowed\.$/);
    }
    const events = await endpoint.handle(new Request(`${ORIGIN}/api/events`, { headers: { origin: 'http://127.0.0.1:9' } }));
    expect(events.status).toBe(403);
    expect(monitor.status.paused).toBe(false);
    expect(endpoint.load().eventClients).toBe(0);
    // The rule is the request URL's own origin, whatever the host: the browser host's works the same way.
    const loopback = await endpoint.handle(new Request('http://127.0.0.1:7345/api/getStatus', { method: 'POST', headers: { origin: 'http://127.0.0.1:7345', 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' } }));
    expect(loopback.status).toBe(200);
  });
});

describe('request bodies', () => {
  const KIB = 1024;

  it('refuses a body over the limit with 413, declared or streamed, and holds nothing after', async () => {
    const { endpoint } = setup({ bodies: { maxBodyBytes: 64 * KIB, budgetBytes: 256 * KIB } });
    const declared = await endpoint.handle(post('getStatus', `{${' '.repeat(80 * KIB)}}`, { 'content-length': String(80 * KIB + 2) }));
    expect(declared.status).toBe(413);
    expect(await errorOf(declared)).toBe('Request body too large (the limit is 64 KiB).');
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(16 * KIB).fill(32));
      },
    });
    const streamed = await endpoint.handle(post('getStatus', endless));
    expect(streamed.status).toBe(413);
    // It stopped reading at the limit, not at the end of an endless body.
    expect(pulled).toBeLessThan(10);
    expect(endpoint.load().bodyBytesHeld).toBe(0);
    expect((await endpoint.handle(post('getStatus', `{${' '.repeat(60 * KIB)}}`))).status).toBe(200);
  });

  it('answers 503 while other bodies hold the budget, and releases it once they are answered', async () => {
    const { endpoint } = setup({ bodies: { maxBodyBytes: 100 * KIB, budgetBytes: 150 * KIB } });
    let finish: (() => void) | null = null;
    const slow = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{'));
        finish = () => {
          controller.enqueue(new TextEncoder().encode('}'));
          controller.close();
        };
      },
    });
    const first = endpoint.handle(post('getStatus', slow, { 'content-length': String(90 * KIB) }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(endpoint.load().bodyBytesHeld).toBe(90 * KIB);
    const second = await endpoint.handle(post('getStatus', '{}', { 'content-length': String(90 * KIB) }));
    expect(second.status).toBe(503);
    (finish as unknown as () => void)();
    expect((await first).status).toBe(200);
    expect(endpoint.load().bodyBytesHeld).toBe(0);
  });
});

/** Reads SSE events from a response body until `done` says so; each is checked against the contract. */
async function readEvents(body: ReadableStream<Uint8Array>, done: (events: ReceivedEvent[]) => boolean) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseReader();
  const events: ReceivedEvent[] = [];
  while (!done(events)) {
    const next = await reader.read();
    if (next.done) throw new Error(`the stream ended after ${events.map((e) => e.event).join(', ')}`);
    events.push(...parser.push(decoder.decode(next.value, { stream: true })));
  }
  return { events, reader };
}

describe('the event stream', () => {
  it('delivers the status and numbered snapshot at once, then deltas, and ends when the client cancels', async () => {
    const { endpoint, monitor } = setup();
    await monitor.sampleNow();
    const response = await endpoint.handle(new Request(`${ORIGIN}/api/events`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(endpoint.load().eventClients).toBe(1);
    const body = response.body as ReadableStream<Uint8Array>;
    const first = await readEvents(body, (events) => events.length === 2);
    expect(first.events.map((e) => e.event)).toEqual(['status', 'snapshot']);
    expect((first.events[1]?.data as SequencedSnapshot).seq).toBe(1);
    first.reader.releaseLock();

    await monitor.sampleNow();
    await monitor.sampleNow();
    const later = await readEvents(body, (events) => events.filter((e) => e.event === 'delta').length === 2);
    const deltas = later.events.filter((e) => e.event === 'delta').map((e) => e.data as SnapshotDelta);
    expect(deltas.map((d) => [d.baseSeq, d.seq])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    await later.reader.cancel();
    expect(endpoint.load()).toMatchObject({ eventClients: 0, queuedEventBytes: 0 });
  });

  it('refuses the stream one too many with 503 and a reason', async () => {
    const { endpoint } = setup({ eventStream: { maxClients: 1 } });
    expect((await endpoint.handle(new Request(`${ORIGIN}/api/events`))).status).toBe(200);
    const refused = await endpoint.handle(new Request(`${ORIGIN}/api/events`));
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([503, '5']);
    expect(await errorOf(refused)).toMatch(/Too many open event streams \(at most 1\)/);
  });

  it('queues a client that does not read only up to the bound, then gives it the latest snapshot when it reads again', async () => {
    const MAX = 64 * 1024;
    const { endpoint, monitor } = setup({ eventStream: { maxBufferedBytes: MAX } }, 400);
    await monitor.sampleNow();
    const response = await endpoint.handle(new Request(`${ORIGIN}/api/events`));
    let largest = 0;
    monitor.on('delta', (delta) => (largest = Math.max(largest, JSON.stringify(delta).length + 32)));
    for (let i = 0; i < 20; i++) await monitor.sampleNow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(endpoint.load().laggingClients).toBe(1);
    expect(endpoint.load().queuedEventBytes).toBeLessThanOrEqual(MAX + largest);

    const latest = monitor.current.seq;
    const { events, reader } = await readEvents(response.body as ReadableStream<Uint8Array>, (seen) =>
      seen.some((e) => e.event === 'snapshot' && (e.data as SequencedSnapshot).seq === latest),
    );
    // Far fewer deltas than samples: the rest became that one snapshot.
    expect(events.filter((e) => e.event === 'delta').length).toBeLessThan(20);
    expect(endpoint.load().laggingClients).toBe(0);
    await reader.cancel();
  });

  it('drops a client that stays stalled past the limit: its stream errors and it is forgotten', async () => {
    const { endpoint, monitor } = setup({ eventStream: { maxBufferedBytes: 16 * 1024, stalledDropMs: 0 } }, 400);
    await monitor.sampleNow();
    const response = await endpoint.handle(new Request(`${ORIGIN}/api/events`));
    for (let i = 0; i < 5 && endpoint.load().eventClients > 0; i++) await monitor.sampleNow();
    expect(endpoint.load()).toMatchObject({ eventClients: 0, queuedEventBytes: 0 });
    await expect(new Response(response.body).text()).rejects.toThrow(/did not keep up/);
  });
});
