import http from 'node:http';
import net from 'node:net';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tapReach } from '../../main/probe/reach-events.js';
import { runTap, startTap, type Tap } from '../../main/tap/cli.js';
import { PLANTED } from '../fixtures/secrets/planted.js';

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

  it('answers Gemini generateContent, streamGenerateContent (SSE with alt=sse, else a JSON array) and countTokens', async () => {
    const request = { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] };
    const plain = JSON.parse((await post('/v1beta/models/gemini-x:generateContent', request)).text);
    expect(plain).toMatchObject({ candidates: [{ content: { role: 'model', parts: [{ text: 'ok' }] }, finishReason: 'STOP' }], modelVersion: 'gemini-x' });
    const streamed = await post('/v1beta/models/gemini-x:streamGenerateContent?alt=sse', request);
    expect(streamed.type).toMatch(/^text\/event-stream/);
    expect(sse(streamed.text).map((e) => JSON.parse(e.data).candidates[0].content.parts[0].text)).toEqual(['ok']);
    const array = JSON.parse((await post('/v1beta/models/gemini-x:streamGenerateContent', request)).text);
    expect(array[0].candidates[0].finishReason).toBe('STOP');
    expect(JSON.parse((await post('/v1beta/models/gemini-x:countTokens', request)).text).totalTokens).toBeGreaterThan(0);
    expect(tap.requests().filter((r) => r.api?.startsWith('gemini-')).map((r) => r.api)).toEqual([
      'gemini-generate',
      'gemini-stream',
      'gemini-stream',
      'gemini-count-tokens',
    ]);
  });

  it('answers structured-output requests with a minimal document of the requested schema', async () => {
    const schema = {
      type: 'OBJECT',
      properties: { reasoning: { type: 'STRING' }, score: { type: 'INTEGER', minimum: 1 }, tags: { type: 'ARRAY', items: { type: 'STRING' } }, mode: { enum: ['fast', 'slow'] } },
      required: ['reasoning', 'score', 'tags', 'mode'],
    };
    const gemini = JSON.parse((await post('/v1beta/models/g:generateContent', { contents: [], generationConfig: { responseMimeType: 'application/json', responseJsonSchema: schema } })).text);
    expect(JSON.parse(gemini.candidates[0].content.parts[0].text)).toEqual({ reasoning: 'ok', score: 1, tags: [], mode: 'fast' });
    const chat = JSON.parse(
      (await post('/v1/chat/completions', { model: 'g', messages: [], response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object', properties: { done: { type: 'boolean' } } } } } })).text,
    );
    expect(JSON.parse(chat.choices[0].message.content)).toEqual({ done: false });
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

describe('tap and WebSocket clients', () => {
  it('answers an upgrade request with 426, so the client falls back to HTTP at once', async () => {
    const r = await rawRequest({ method: 'GET', path: '/v1/responses', headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
    expect(r.status).toBe(426);
    expect(JSON.parse(r.text).error.type).toBe('upgrade_required');
    expect(tap.requests().find((x) => x.method === 'GET' && x.path === '/v1/responses')?.replyStatus).toBe(426);
  });
});

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

describe('tap as the proxy of the base URLs it stands for', () => {
  it('serves proxy requests to those origins and to itself; notes any other target as refused and drops it unanswered', async () => {
    const standing = await startTap({ captureDir: path.join(root, 'standing') });
    standing.standFor([{ host: 'api.moonshot.cn', port: 80 }]);
    // The status of the answer, or 'dropped' when the connection closed with none.
    const ask = (options: http.RequestOptions, body?: string) =>
      rawRequest({ ...options, port: standing.port }, body).then(
        (r) => r.status,
        (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? 'dropped' : error.code),
      );
    const body = JSON.stringify({ model: 'm', messages: [] });
    const json = { 'content-type': 'application/json' };
    try {
      expect(await ask({ method: 'POST', path: 'http://api.moonshot.cn/v1/messages', headers: { host: 'api.moonshot.cn', ...json } }, body)).toBe(200);
      expect(await ask({ method: 'POST', path: `${standing.url}/v1/messages`, headers: { host: `127.0.0.1:${standing.port}`, ...json } }, body)).toBe(200);
      expect(await ask({ method: 'CONNECT', path: `127.0.0.1:${standing.port}` })).toBe(200);
      expect(await ask({ method: 'GET', path: 'http://203.107.1.1/d?host=api.vendor.example', headers: { host: '203.107.1.1' } })).toBe('dropped');
      expect(await ask({ method: 'CONNECT', path: 'statsig.vendor.example:443' })).toBe('dropped');
      // The base URL's host on another port is another origin.
      expect(await ask({ method: 'CONNECT', path: 'api.moonshot.cn:443' })).toBe('dropped');
      expect(standing.requests().map((r) => [r.method, r.form, r.targetHost, r.targetPort, r.refused, r.replyStatus])).toEqual([
        ['POST', 'absolute', 'api.moonshot.cn', null, false, 200],
        ['POST', 'absolute', '127.0.0.1', standing.port, false, 200],
        ['CONNECT', 'connect', '127.0.0.1', standing.port, false, 200],
        ['GET', 'absolute', '203.107.1.1', null, true, 0],
        ['CONNECT', 'connect', 'statsig.vendor.example', 443, true, 0],
        ['CONNECT', 'connect', 'api.moonshot.cn', 443, true, 0],
      ]);
      // Where the tool tried to go, for the probe's list of reached hosts.
      expect(tapReach(standing.requests()).filter((e) => e.host !== '127.0.0.1')).toEqual([
        { host: 'api.moonshot.cn', port: 80, via: 'proxy-request' },
        { host: '203.107.1.1', port: 80, via: 'proxy-request' },
        { host: 'statsig.vendor.example', port: 443, via: 'proxy-connect' },
        { host: 'api.moonshot.cn', port: 443, via: 'proxy-connect' },
      ]);
      // Standing for nothing in particular again, it answers every proxy request as before.
      standing.standFor(null);
      expect(await ask({ method: 'CONNECT', path: 'statsig.vendor.example:443' })).toBe(501);
    } finally {
      await standing.close();
    }
  });
});

describe('tap as a tunnelling proxy', () => {
  it('opens CONNECT tunnels to plain-HTTP ports and serves the requests inside them', async () => {
    const socket = net.connect(tap.port, '127.0.0.1');
    let received = '';
    socket.on('data', (c: Buffer) => (received += c.toString()));
    const until = async (pattern: RegExp) => {
      while (!pattern.test(received)) await new Promise((r) => setTimeout(r, 10));
    };
    socket.write('CONNECT api.moonshot.cn:80 HTTP/1.1\r\nhost: api.moonshot.cn:80\r\n\r\n');
    await until(/^HTTP\/1\.1 200[^\n]*\r\n\r\n/);
    const body = JSON.stringify({ model: 'm', messages: [] });
    socket.write(`POST /anthropic/v1/messages HTTP/1.1\r\nhost: api.moonshot.cn\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
    await until(/"stop_reason":"end_turn"/);
    socket.destroy();
    const records = tap.requests().filter((r) => r.targetHost === 'api.moonshot.cn' && r.form !== 'absolute');
    expect(records.map((r) => [r.method, r.form, r.replyStatus])).toEqual([
      ['CONNECT', 'connect', 200],
      ['POST', 'tunnel', 200],
    ]);
    expect(records[1]).toMatchObject({ path: '/anthropic/v1/messages', api: 'anthropic-messages' });
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

  it('redacts secrets the tool put in its body and URL by the secrets policy, not only header values', async () => {
    const body = {
      model: 'm',
      api_key: 'body-key-0001',
      config: { vertexAccessToken: 'vat-0002', region: 'eu' },
      system: 'run with --client-secret cs-0003 via http://ann:pw-0004@proxy.corp:3128',
      messages: [],
    };
    const r = await post('/v1/messages?access_token=qt-0005&beta=true', body, { 'x-vendor-auth-token': 'vt-0006xxxx' });
    expect(r.status).toBe(200);
    const last = tap.requests().at(-1)!;
    const captured = await readFile(path.join(captureDir, `request-${String(last.seq).padStart(4, '0')}.json`), 'utf8');
    for (const secret of ['body-key-0001', 'vat-0002', 'cs-0003', 'pw-0004', 'qt-0005', 'vt-0006xxxx']) expect(captured).not.toContain(secret);
    expect(last.path).toBe('/v1/messages?access_token=***&beta=true');
    expect(last.headers['x-vendor-auth-token']).toBe('***');
    expect(last.body).toEqual({
      model: 'm',
      api_key: '***',
      config: { vertexAccessToken: '***', region: 'eu' },
      system: 'run with --client-secret *** via http://ann:***@proxy.corp:3128',
      messages: [],
    });
  });

  it('keeps every planted header, URL, config and text secret out of the capture files', async () => {
    const before = new Set(await readdir(captureDir));
    const body: Record<string, unknown> = { model: 'm', messages: [] };
    const paths: string[] = [];
    const headers: Array<Record<string, string>> = [];
    // URL secrets that can arrive in a request line: those in paths and queries.
    const inRequestLine = (cls: string): boolean => cls === 'url-path' || cls === 'url-query';
    for (const [i, { place, class: cls }] of PLANTED.entries()) {
      if (place.in === 'header') headers.push({ [place.name]: place.value });
      else if (place.in === 'url' && inRequestLine(cls)) paths.push(`/v1/messages${place.url.replace(/^https?:\/\/[^/?#]*/, '')}`);
      else if (place.in === 'config') body[place.key] = place.value;
      else if (place.in === 'env') body[`env${i}`] = { [place.name]: place.value };
      else if (place.in === 'text') body[`text${i}`] = place.text;
      else if (place.in === 'argv') body[`argv${i}`] = place.args;
    }
    for (const extra of headers) await post('/v1/messages', body, extra);
    for (const pathname of paths) await post(pathname, { model: 'm', messages: [] });
    const written = (await readdir(captureDir)).filter((file) => !before.has(file));
    expect(written.length).toBe(headers.length + paths.length);
    const captured = (await Promise.all(written.map((file) => readFile(path.join(captureDir, file), 'utf8')))).join('\n');
    const secrets = PLANTED.filter(({ place, class: cls }) => place.in !== 'error' && (place.in !== 'url' || inRequestLine(cls)));
    expect(secrets.filter(({ secret }) => captured.includes(secret) || captured.includes(JSON.stringify(secret).slice(1, -1))).map((p) => p.secret)).toEqual([]);
  });

  it('runs from the CLI until told to stop', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    const controller = new AbortController();
    const done = runTap(['--capture-dir', path.join(root, 'cli'), '--lang', 'en'], { stdout: out, stderr: new PassThrough(), signal: controller.signal });
    while (!/listening on (http:\/\/127\.0\.0\.1:\d+)/.test(text)) await new Promise((r) => setTimeout(r, 20));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
    expect((await fetch(`${url}/v1/models`)).status).toBe(200);
    controller.abort();
    expect(await done).toBe(0);
    expect(text).toMatch(/#1 GET .*\/v1\/models -> 200/);
    expect(await runTap(['--port', 'abc'], { stdout: new PassThrough(), stderr: new PassThrough() })).toBe(2);
  });
});
