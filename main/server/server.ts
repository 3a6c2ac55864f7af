/**
 * The browser host: serves the built UI and the API of contract/api.ts on 127.0.0.1, for
 * `telltale serve` (no Electron needed). node:http only; see request-guard.ts for who may talk to it.
 *
 * Authentication:
 *  - The URL printed for the user is http://127.0.0.1:PORT/?token=TOKEN. The UI reads the token
 *    from its page URL and sends it as `Authorization: Bearer` on every API call, and as ?token= on
 *    GET /api/events (EventSource cannot set headers).
 *  - The page's own script and style requests cannot carry the token. So the token-checked HTML
 *    load sets a cookie (HttpOnly, SameSite=Strict, Path=/) and static files accept that cookie.
 *    The cookie holds a separate random asset key, not the token, and is accepted for static files
 *    only, never for the API: cookies are not isolated by port, so any other server on 127.0.0.1
 *    the browser talks to receives it, and must gain nothing from it beyond the (public) UI files.
 *    The cookie name carries the port so two hosts on different ports do not overwrite each other.
 *  - Tokens are compared in constant time. No CORS headers are ever sent.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, dispatchCall, type ApiHandlers } from '../service/api-handlers.js';
import { DEFAULT_EVENT_STREAM_LIMITS, EventBroadcaster, type EventStreamLimits } from './event-stream.js';
import { BodyBudget, BodyError, DEFAULT_BODY_LIMITS, type BodyLimits } from './request-body.js';
import type { AppEvents } from '../service/app-events.js';
import { bearerToken, checkRequestSource, cookieValue, generateToken, secretsEqual } from './request-guard.js';
import { SECURITY_HEADERS } from '../service/security-headers.js';
import { resolveStaticFile } from '../service/static-files.js';
import { redactText } from '../core/secrets/policy.js';

export interface ServerOptions {
  /** Only loopback is supported: the host must never be reachable from the network. */
  host?: '127.0.0.1';
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 32 random bytes, base64url. */
  token?: string;
  /** The built UI (dist/renderer). */
  staticDir: string;
  handlers: ApiHandlers;
  /** Every event the UI gets (the composition root's hub; a bare Monitor gives its own events only). */
  events: AppEvents;
  /** Bounds on event-stream clients (defaults in event-stream.ts). */
  eventStream?: Partial<EventStreamLimits>;
  /** Bounds on request bodies (defaults in request-body.ts). */
  bodies?: Partial<BodyLimits>;
}

export interface RunningServer {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  /** What the host holds for its clients right now (tests and bench/serve-load.ts watch it). */
  load(): HostLoad;
  close(): Promise<void>;
}

export interface HostLoad {
  eventClients: number;
  laggingClients: number;
  /** Event bytes queued in this process for sockets that have not taken them. */
  queuedEventBytes: number;
  /** Request-body bytes being read or handled. */
  bodyBytesHeld: number;
}

function send(res: ServerResponse, status: number, body: string, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function sendError(res: ServerResponse, status: number, message: string, extra?: Record<string, string>): void {
  send(res, status, JSON.stringify({ error: message }), 'application/json; charset=utf-8', extra);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (options.host !== undefined && options.host !== '127.0.0.1') {
    throw new Error('The browser host only listens on 127.0.0.1.');
  }
  const token = options.token ?? generateToken();
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) {
    throw new Error('The token must be at least 16 characters of A-Z a-z 0-9 _ -.');
  }
  const assetKey = generateToken();
  const streams = new EventBroadcaster(options.events, { ...DEFAULT_EVENT_STREAM_LIMITS, ...options.eventStream });
  const bodies = new BodyBudget({ ...DEFAULT_BODY_LIMITS, ...options.bodies });
  let port = 0;
  const cookieName = () => `telltale_assets_${port}`;

  const hasToken = (req: IncomingMessage, url: URL): boolean => {
    const given = bearerToken(req) ?? url.searchParams.get('token');
    return given !== null && secretsEqual(given, token);
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!hasToken(req, url)) return sendError(res, 401, 'Missing or wrong token.');
    const name = url.pathname.slice('/api/'.length);
    if (name === 'events') {
      if (req.method !== 'GET') return sendError(res, 405, 'Use GET.', { Allow: 'GET' });
      const opened = streams.open(req, res);
      if (!opened.ok) return sendError(res, opened.status, opened.reason, { 'Retry-After': '5' });
      return;
    }
    if (req.method !== 'POST') return sendError(res, 405, 'Use POST.', { Allow: 'POST' });
    const body = await bodies.readJson(req, res);
    sendJson(res, 200, await dispatchCall(options.handlers, name, body));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'Use GET.', { Allow: 'GET, HEAD' });
    const byToken = hasToken(req, url);
    const cookie = cookieValue(req, cookieName());
    if (!byToken && !(cookie !== null && secretsEqual(cookie, assetKey))) {
      return send(res, 401, 'Open the address telltale printed, including ?token=.\n', 'text/plain; charset=utf-8');
    }
    const found = await resolveStaticFile(options.staticDir, url.pathname);
    if (found.kind === 'forbidden') return sendError(res, 403, 'Forbidden path.');
    if (found.kind === 'not-found') {
      const hint = url.pathname === '/' ? ' The UI is not built: run `npm run build`.' : '';
      return send(res, 404, `Not found.${hint}\n`, 'text/plain; charset=utf-8');
    }
    const headers: Record<string, string> = { 'Content-Type': found.mime };
    if (byToken) {
      headers['Set-Cookie'] = `${cookieName()}=${assetKey}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const verdict = checkRequestSource(req, port);
    if (!verdict.ok) return sendError(res, verdict.status, verdict.reason);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', verdict.origin);
    } catch {
      return sendError(res, 400, 'Malformed URL.');
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    return handleStatic(req, res, url);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof ApiError || error instanceof BodyError ? error.status : 500;
      const message = redactText(error instanceof Error ? error.message : String(error));
      if (res.headersSent) return void res.destroy();
      if (req.complete) return sendError(res, status, message);
      // A body left unread (refused as too large, or for want of budget) is not read on: the
      // connection closes once the answer is out.
      sendError(res, status, message, { Connection: 'close' });
      res.once('finish', () => req.socket.destroySoon());
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    load: () => ({
      eventClients: streams.clientCount,
      laggingClients: streams.laggingCount,
      queuedEventBytes: streams.queuedBytes,
      bodyBytesHeld: bodies.inUse,
    }),
    close: async () => {
      streams.close();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
    },
  };
}
