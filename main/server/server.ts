/**
 * The browser host: serves the built UI and the API of contract/api.ts on 127.0.0.1, for
 * `telltale serve` (no Electron needed). node:http only; see request-guard.ts for who may talk to it.
 *
 * Authentication:
 *  - The URL printed for the user is http://127.0.0.1:PORT/?token=TOKEN. The UI reads the token
 *    from its page URL and sends it as `Authorization: Bearer` on every API call and on
 *    GET /api/events (a fetch, like in Electron); ?token= is accepted too (a plain EventSource).
 *  - Behind the token, /api/ is main/service/api-endpoint.ts, the handler Electron's app://
 *    protocol uses: the same calls, validation, limits, event stream and error shapes.
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
import { createApiEndpoint, errorResponse, isApiPath, type ApiEndpointOptions, type EndpointLoad } from '../service/api-endpoint.js';
import { bearerToken, checkRequestSource, cookieValue, generateToken, secretsEqual } from './request-guard.js';
import { SECURITY_HEADERS } from '../service/security-headers.js';
import { resolveStaticFile } from '../service/static-files.js';
import { sendWebResponse, toWebRequest } from './web-exchange.js';

/** The API's own options (handlers, events, limits) and where this host listens and what it serves. */
export interface ServerOptions extends ApiEndpointOptions {
  /** Only loopback is supported: the host must never be reachable from the network. */
  host?: '127.0.0.1';
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 32 random bytes, base64url. */
  token?: string;
  /** The built UI (dist/renderer). */
  staticDir: string;
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

export type HostLoad = EndpointLoad;

function send(res: ServerResponse, status: number, body: string, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
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
  const api = createApiEndpoint(options);
  let port = 0;
  const cookieName = () => `telltale_assets_${port}`;

  const hasToken = (req: IncomingMessage, url: URL): boolean => {
    const given = bearerToken(req) ?? url.searchParams.get('token');
    return given !== null && secretsEqual(given, token);
  };

  /** The API is the shared endpoint's; only the token is this host's own check. */
  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<void> {
    const response = hasToken(req, url) ? await api.handle(toWebRequest(req, origin)) : errorResponse(401, 'Missing or wrong token.');
    await sendWebResponse(req, res, response);
  }

  /** Errors outside the API (guard, static files) in the API's error shape. */
  const sendError = (req: IncomingMessage, res: ServerResponse, status: number, message: string, extra?: Record<string, string>): Promise<void> =>
    sendWebResponse(req, res, errorResponse(status, message, extra));

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(req, res, 405, 'Use GET.', { Allow: 'GET, HEAD' });
    const byToken = hasToken(req, url);
    const cookie = cookieValue(req, cookieName());
    if (!byToken && !(cookie !== null && secretsEqual(cookie, assetKey))) {
      return send(res, 401, 'Open the address telltale printed, including ?token=.\n', 'text/plain; charset=utf-8');
    }
    const found = await resolveStaticFile(options.staticDir, url.pathname);
    if (found.kind === 'forbidden') return sendError(req, res, 403, 'Forbidden path.');
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
    if (!verdict.ok) return sendError(req, res, verdict.status, verdict.reason);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', verdict.origin);
    } catch {
      return sendError(req, res, 400, 'Malformed URL.');
    }
    if (isApiPath(url.pathname)) return handleApi(req, res, url, verdict.origin);
    return handleStatic(req, res, url);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      void sendError(req, res, 500, error instanceof Error ? error.message : String(error));
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
    load: () => api.load(),
    close: async () => {
      api.close();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
    },
  };
}
