import http from 'node:http';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTap, startTap, type Tap } from '../../main/tap/cli.js';

const KEY = 'sk-ant-telltale-dummy-secret-1234';
let root: string;
let captureDir: string;
let tap: Tap;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'telltale-tap-'));
  captureDir = path.join(root, 'captures');
  tap = await startTap({ captureDir });
});
afterAll(async () => {
  await tap.close();
  await rm(root, { recursive: true, force: true });
});

async function post(pathname: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${tap.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY, authorization: `Bearer ${KEY}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function sse(text: string): Array<{ event: string | undefined; data: string }> {
  return text
    .split('\n\n')
    .filter((b) => b.trim())
    .map((b) => ({ event: /^event: (.*)$/m.exec(b)?.[1], data: /^data: (.*)$/m.exec(b)?.[1] ?? '' }));
}

describe('tap replies', () => {
  it('answers Anthropic Messages as JSON', async () => {
    const r = await post('/v1/messages', { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    const msg = JSON.parse(r.text);
    expect(r.status).toBe(200);
    expect(msg).toMatchObject({ type: 'message', role: 'assistant', model: 'm', content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn' });
    expect(msg.usage.output_tokens).toBe(1);
  });

  it('streams Anthropic Messages events in API order', async () => {
    const r = await post('/anthropic/v1/messages', { model: 'm', stream: true, messages: [] });
    expect(r.type).toMatch(/^text\/event-stream/);
    const events = sse(r.text);
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    for (const e of events) expect(JSON.parse(e.data).type).toBe(e.event);
    expect(JSON.parse(events[2]!.data).delta).toEqual({ type: 'text_delta', text: 'ok' });
  });

  it('answers count_tokens', async () => {
    const r = await post('/v1/messages/count_tokens', { model: 'm', messages: [] });
    expect(JSON.parse(r.text).input_tokens).toBeGreaterThan(0);
  });

  it('answers OpenAI Chat Completions, plain and streamed with [DONE]', async () => {
    const plain = JSON.parse((await post('/v1/chat/completions', { model: 'g', messages: [] })).text);
    expect(plain).toMatchObject({ object: 'chat.completion', choices: [{ message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] });
    const streamed = sse((await post('/v1/chat/completions', { model: 'g', stream: true, stream_options: { include_usage: true } })).text);
    expect(streamed.at(-1)?.data).toBe('[DONE]');
    const chunks = streamed.slice(0, -1).map((e) => JSON.parse(e.data));
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe('ok');
    expect(chunks.at(-1).usage.total_tokens).toBeGreaterThan(0);
  });

  it('answers the OpenAI Responses API, plain and streamed', async () => {
    const plain = JSON.parse((await post('/v1/responses', { model: 'g', input: 'hi' })).text);
    expect(plain).toMatchObject({ object: 'response', status: 'completed', output: [{ type: 'message', content: [{ type: 'output_text', text: 'ok' }] }] });
    const events = sse((await post('/v1/responses', { model: 'g', input: 'hi', stream: true })).text);
    expect(events[0]?.event).toBe('response.created');
    expect(events.at(-1)?.event).toBe('response.completed');
    expect(events.map((e) => e.event)).toContain('response.output_text.delta');
    const parsed = events.map((e) => JSON.parse(e.data));
    expect(parsed.map((p) => p.sequence_number)).toEqual(parsed.map((_, i) => i));
    expect(parsed.at(-1).response.status).toBe('completed');
  });

  it('lists models and answers 404 JSON for anything else', async () => {
    const models = (await (await fetch(`${tap.url}/v1/models`)).json()) as { data: Array<{ id: string }> };
    expect(models.data[0]?.id).toBe('telltale-tap');
    const missing = await fetch(`${tap.url}/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { type: string } }).error.type).toBe('not_found_error');
    expect(tap.requests().some((r) => r.path === '/v1/nothing-here' && r.replyStatus === 404)).toBe(true);
  });
});

function rawRequest(options: http.RequestOptions, body?: string): Promise<{ status: number | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: tap.port, ...options });
    req.on('connect', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode, text: '' });
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('tap as an HTTP proxy', () => {
  it('records the host a tool thinks it talks to from absolute-form requests', async () => {
    const body = JSON.stringify({ model: 'm', messages: [] });
    const r = await rawRequest(
      { method: 'POST', path: 'http://api.moonshot.cn/anthropic/v1/messages', headers: { host: 'api.moonshot.cn', 'content-type': 'application/json' } },
      body,
    );
    expect(r.status).toBe(200);
    const rec = tap.requests().find((x) => x.targetHost === 'api.moonshot.cn');
    expect(rec).toMatchObject({ form: 'absolute', path: '/anthropic/v1/messages', api: 'anthropic-messages', url: 'http://api.moonshot.cn/anthropic/v1/messages' });
  });

  it('refuses CONNECT with 501 and records it', async () => {
    const r = await rawRequest({ method: 'CONNECT', path: 'api.anthropic.com:443', headers: { host: 'api.anthropic.com:443' } });
    expect(r.status).toBe(501);
    expect(tap.requests().find((x) => x.method === 'CONNECT')).toMatchObject({ targetHost: 'api.anthropic.com', targetPort: 443, replyStatus: 501 });
  });
});

describe('tap captures', () => {
  it('writes one owner-only file per request with credentials redacted', async () => {
    await post('/v1/messages?api_key=' + KEY, { model: 'm', note: `key ${KEY}`, messages: [] }, { cookie: 'session=abcdefghijk' });
    expect((await stat(captureDir)).mode & 0o777).toBe(0o700);
    const files = await readdir(captureDir);
    expect(files.length).toBe(tap.requests().length);
    for (const file of files) {
      const full = path.join(captureDir, file);
      expect((await stat(full)).mode & 0o777).toBe(0o600);
      const text = await readFile(full, 'utf8');
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('abcdefghijk');
    }
    const last = tap.requests().at(-1)!;
    expect(last.headers['x-api-key']).toBe('***');
    expect(last.headers.authorization).toBe('Bearer ***');
    expect(last.body).toMatchObject({ note: 'key ***' });
  });

  it('runs from the CLI until told to stop', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    const controller = new AbortController();
    const done = runTap(['--capture-dir', path.join(root, 'cli')], { stdout: out, stderr: new PassThrough(), signal: controller.signal });
    while (!/listening on (http:\/\/127\.0\.0\.1:\d+)/.test(text)) await new Promise((r) => setTimeout(r, 20));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
    expect((await fetch(`${url}/v1/models`)).status).toBe(200);
    controller.abort();
    expect(await done).toBe(0);
    expect(text).toMatch(/#1 GET .*\/v1\/models -> 200/);
    expect(await runTap(['--port', 'abc'], { stdout: new PassThrough(), stderr: new PassThrough() })).toBe(2);
  });
});
