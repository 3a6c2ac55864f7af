/**
 * The tap: an HTTP relay on 127.0.0.1 that a tool is pointed at, as its model base URL or as its
 * HTTP proxy (absolute-form requests tell which host the tool thinks it talks to). It records every
 * request, redacted, and answers with a minimal reply of the API spoken. CONNECT is recorded; to
 * port 443 (HTTPS) it is refused with 501, since the tap does not intercept TLS, while to any other
 * port the tunnel is opened and the plain HTTP inside it served like any request (proxy clients
 * such as undici's tunnel even http:// URLs). Told which origins it stands for (the probe: the
 * base URLs of the run), it serves proxy requests to those and to itself only, and notes the
 * others' targets and drops them unanswered, as a proxy that reaches nothing else.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Origin } from '../core/probe/base-urls.js';
import { redactText } from '../core/secrets/policy.js';
import { prepareCaptureDir, redactCapture, writeCapture, type CapturedRequest } from './capture.js';
import { forwardRequest } from './forward.js';
import { buildReply, detectApi, upgradeRefused } from './replies.js';

export interface TapOptions {
  port?: number;
  captureDir: string;
  forward?: boolean;
  onRequest?: (record: CapturedRequest) => void;
}

export interface Tap {
  url: string;
  port: number;
  close(): Promise<void>;
  requests(): CapturedRequest[];
  /**
   * From now on serve proxy requests only to these origins and to the tap itself; record the
   * others as refused and drop them. null (the default): serve every one.
   */
  standFor(origins: readonly Origin[] | null): void;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1']);

const MAX_BODY = 32 * 1024 * 1024;

function decodeBody(raw: Buffer, encoding: string | undefined): Buffer {
  try {
    switch (encoding?.toLowerCase()) {
      case 'gzip':
        return gunzipSync(raw);
      case 'br':
        return brotliDecompressSync(raw);
      case 'deflate':
        return inflateSync(raw);
      default:
        return raw;
    }
  } catch {
    return raw;
  }
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

interface Target {
  form: 'origin' | 'absolute' | 'tunnel';
  host: string;
  port: number | null;
  path: string;
  url: string;
}

function targetOf(req: IncomingMessage, tunneled: boolean): Target {
  const raw = req.url ?? '/';
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  const full = absolute ? raw : `http://${req.headers.host ?? 'unknown'}${raw}`;
  try {
    const u = new URL(full);
    return {
      form: absolute ? 'absolute' : tunneled ? 'tunnel' : 'origin',
      host: u.hostname.replace(/^\[|\]$/g, '').toLowerCase(),
      port: u.port ? Number(u.port) : null,
      path: `${u.pathname}${u.search}`,
      url: full,
    };
  } catch {
    return { form: absolute ? 'absolute' : 'origin', host: 'unknown', port: null, path: raw, url: full };
  }
}

export async function startTap(options: TapOptions): Promise<Tap> {
  await prepareCaptureDir(options.captureDir);
  const records: CapturedRequest[] = [];
  /** Sockets of CONNECT tunnels the tap serves itself. */
  const tunnels = new WeakSet<Socket>();
  let seq = 0;
  let origins: readonly Origin[] | null = null;
  let ownPort = 0;
  const serves = (host: string, port: number): boolean =>
    origins === null || (LOOPBACK_NAMES.has(host) && port === ownPort) || origins.some((o) => o.host === host && o.port === port);

  const keep = async (record: CapturedRequest): Promise<void> => {
    records.push(record);
    await writeCapture(options.captureDir, record);
    options.onRequest?.(record);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> => {
    const target = targetOf(req, tunnels.has(req.socket));
    const bodyBuffer = decodeBody(raw, req.headers['content-encoding']);
    const body = parseBody(bodyBuffer.toString('utf8'));
    const method = req.method ?? 'GET';
    const api = detectApi(method, target.path.split('?')[0] ?? '/');
    const record = redactCapture({
      seq: ++seq,
      receivedAt: new Date().toISOString(),
      method,
      form: target.form,
      url: target.url,
      path: target.path,
      targetHost: target.host,
      targetPort: target.port,
      headers: req.headers,
      body,
      bodyBytes: raw.length,
      api,
      replyStatus: 0,
      refused: target.form === 'absolute' && !serves(target.host, target.port ?? 80),
    });
    if (record.refused) {
      await keep(record);
      req.socket.destroy();
      return;
    }
    if (options.forward) {
      record.replyStatus = await forwardRequest(
        { method, path: target.path, headers: req.headers, body: bodyBuffer },
        target.form === 'origin' ? null : target.host,
        api,
        res,
      ).catch((error: unknown) => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `telltale tap: forwarding failed: ${redactText((error as Error).message)}` } }));
        return 502;
      });
      await keep(record);
      return;
    }
    const upgrade = req.headers.upgrade;
    // The reply follows what the tool asked for (a schema, a model), so it reads the body as sent.
    const reply = upgrade ? upgradeRefused(upgrade) : buildReply(api, method, target.path, body);
    record.replyStatus = reply.status;
    // Recorded before the reply goes out, so a tool that has its answer has its capture on disk.
    await keep(record);
    res.writeHead(reply.status, { 'content-type': reply.contentType, 'cache-control': 'no-cache', ...(upgrade ? { connection: 'close' } : {}) });
    for (const chunk of reply.chunks) res.write(chunk);
    res.end();
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `telltale tap: ${redactText((error as Error).message)}` } }));
      });
    });
  });

  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const [rawHost = 'unknown', port] = (req.url ?? '').split(/:(?=\d+$)/);
    const host = rawHost.replace(/^\[|\]$/g, '').toLowerCase();
    const refused = !serves(host, Number(port ?? 443));
    const record = redactCapture({
      seq: ++seq,
      receivedAt: new Date().toISOString(),
      method: 'CONNECT',
      form: 'connect',
      url: req.url ?? '',
      path: req.url ?? '',
      targetHost: host,
      targetPort: port ? Number(port) : null,
      headers: req.headers,
      body: null,
      bodyBytes: 0,
      api: null,
      replyStatus: refused ? 0 : port === '443' ? 501 : 200,
      refused,
    });
    const message = `telltale tap does not tunnel HTTPS (CONNECT ${req.url ?? ''}); point the tool at an http:// base URL\n`;
    socket.on('error', () => socket.destroy());
    keep(record)
      .catch(() => undefined)
      .finally(() => {
        if (refused) {
          socket.destroy();
          return;
        }
        if (record.replyStatus === 200) {
          socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          tunnels.add(socket);
          if (head.length > 0) socket.unshift(head);
          server.emit('connection', socket);
          return;
        }
        socket.end(
          `HTTP/1.1 501 Not Implemented\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(message)}\r\nconnection: close\r\n\r\n${message}`,
        );
      });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ownPort = port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: () => [...records],
    standFor: (next) => {
      origins = next === null ? null : next.map((o) => ({ host: o.host.toLowerCase(), port: o.port }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
