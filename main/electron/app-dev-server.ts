/**
 * `npm run dev` only: app://telltale/ serves the UI from Vite's dev server (hot module reload)
 * instead of dist/renderer. The window keeps its app:// origin, so the API on that origin, navigation
 * and the origin checks are exactly those of a production build; only where the files come from and the
 * CSP differ. Kept free of electron imports so it is tested under plain Node.
 *
 * main.ts reads the dev server from the environment only in a bundle built by `npm run dev`
 * (process.env.TELLTALE_DEV_BUILD is replaced at bundle time) and never in a packaged app.
 */
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../service/security-headers.js';
import { APP_HOST } from './app-url.js';

/** Set by main/scripts/dev.ts for the Electron it starts. */
export const DEV_SERVER_URL_ENV = 'TELLTALE_DEV_SERVER_URL';
export const DEV_CSP_NONCE_ENV = 'TELLTALE_DEV_CSP_NONCE';

export interface DevRenderer {
  /** The dev server's origin, e.g. http://127.0.0.1:5173 (loopback only). */
  origin: string;
  /** Content-Security-Policy for what it serves. */
  csp: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const NONCE = /^[A-Za-z0-9_-]{16,}$/;

/** The dev server's origin, or an error: only http on a loopback address and an explicit port. */
export function parseDevServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`The dev server URL "${value}" is not a URL.`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.port === '' || url.username || url.password) {
    throw new Error(`The dev server must be http://127.0.0.1:PORT/ (loopback), not "${value}".`);
  }
  return url.origin;
}

/**
 * The production CSP with what Vite's dev server needs and nothing more: its inline scripts and
 * injected styles carry a per-run nonce (Vite's html.cspNonce), its HMR socket and pings go to the
 * dev server, and its reconnect ping runs in a SharedWorker made from a blob: URL.
 */
export function devContentSecurityPolicy(origin: string, nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error('The dev CSP nonce must be at least 16 characters of A-Z a-z 0-9 _ -.');
  const socket = origin.replace(/^http:/, 'ws:');
  const extra: Record<string, string> = {
    'script-src': `'nonce-${nonce}'`,
    'style-src': `'nonce-${nonce}'`,
    'connect-src': `${origin} ${socket}`,
  };
  const directives = CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
    const name = directive.split(' ')[0] ?? '';
    return extra[name] ? `${directive} ${extra[name]}` : directive;
  });
  return [...directives, 'worker-src blob:'].join('; ');
}

/** The dev renderer described by the environment, or null when none is set. */
export function devRendererFromEnv(env: NodeJS.ProcessEnv): DevRenderer | null {
  const url = env[DEV_SERVER_URL_ENV];
  if (!url) return null;
  const origin = parseDevServerUrl(url);
  return { origin, csp: devContentSecurityPolicy(origin, env[DEV_CSP_NONCE_ENV] ?? '') };
}

function textResponse(status: number, text: string, csp: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': csp, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Headers Vite decides by (HTML page vs module, CSS as a module vs a stylesheet); nothing else is passed on. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'sec-fetch-dest'];

/** Answers app://telltale/PATH with the dev server's /PATH, under the dev CSP and the usual headers. */
export async function serveDevResource(
  dev: DevRenderer,
  request: Pick<Request, 'url' | 'method' | 'headers'>,
  fetchFn: typeof fetch = fetch,
): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return textResponse(404, 'Not found.', dev.csp);
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed.', dev.csp);
  // Set path and query on the origin rather than resolving them against it: a path like
  // //evil.example/x would resolve to another host.
  const target = new URL(dev.origin);
  target.pathname = url.pathname;
  target.search = url.search;
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  let upstream: Response;
  try {
    upstream = await fetchFn(target, { method: request.method, headers, redirect: 'error' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return textResponse(502, `The dev server at ${dev.origin} did not answer (${reason}). Is \`npm run dev\` still running?`, dev.csp);
  }
  const responseHeaders: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Security-Policy': dev.csp };
  const type = upstream.headers.get('content-type');
  if (type) responseHeaders['Content-Type'] = type;
  return new Response(request.method === 'HEAD' ? null : upstream.body, { status: upstream.status, headers: responseHeaders });
}
