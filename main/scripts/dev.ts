/**
 * Development with reload. Two ways, both with the React UI on Vite's dev server (hot module
 * reload, on 127.0.0.1 only, under a dev CSP: the production CSP plus a per-run nonce and the
 * dev server's HMR socket):
 *
 *   npm run dev        (tsx main/scripts/dev.ts electron)
 *     bundles the main process in watch mode (main/scripts/electron-bundle.ts, with the dev-server
 *     support compiled in) and starts Electron; every rebuild of either restarts Electron. The
 *     window still shows app://telltale/, whose files now come from the dev server
 *     (main/electron/app-dev-server.ts). Quitting Electron ends the dev session; if it crashes, the
 *     next rebuild starts it again. Without Electron's binary it says so and only rebuilds.
 *
 *   npm run dev:serve  (tsx main/scripts/dev.ts serve)
 *     the browser host, run by `tsx watch main/scripts/cli-source.ts serve`, so it restarts on any
 *     change under main/ and contract/; the dev server forwards /api/ to it. The browser holds a
 *     token of this dev session (printed with the address); each request's token is checked and
 *     swapped for the current host's own token (which changes whenever it restarts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer, type InlineConfig, type Plugin, type ViteDevServer } from 'vite';
import { DEV_CSP_NONCE_ENV, DEV_SERVER_URL_ENV, devContentSecurityPolicy } from '../electron/app-dev-server.js';
import { ELECTRON_TARGETS, repoRoot, watchElectron, type ElectronTarget, type ElectronWatcher } from './electron-bundle.js';

const require = createRequire(import.meta.url);

function log(message: string): void {
  console.log(`[telltale dev] ${message}`);
}

/** A free port on 127.0.0.1 (asked for before starting, so the CSP and HMR settings can name it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function devNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** Sends the dev CSP with everything the dev server answers. */
function devCspHeader(csp: string): Plugin {
  return {
    name: 'telltale-dev-csp',
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', csp);
        next();
      });
    },
  };
}

export interface RendererDevOptions {
  root: string;
  port: number;
  nonce: string;
  plugins?: Plugin[];
  proxy?: NonNullable<InlineConfig['server']>['proxy'];
}

/** The renderer's own Vite config (renderer/vite.config.ts) served on 127.0.0.1:port with HMR. */
export async function startRendererDevServer(options: RendererDevOptions): Promise<ViteDevServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const server = await createServer({
    configFile: join(options.root, 'renderer', 'vite.config.ts'),
    clearScreen: false,
    // Vite marks its inline scripts and injected styles with this nonce; the CSP allows it.
    html: { cspNonce: options.nonce },
    plugins: [devCspHeader(devContentSecurityPolicy(origin, options.nonce)), ...(options.plugins ?? [])],
    server: {
      host: '127.0.0.1',
      port: options.port,
      strictPort: true,
      // No CORS: other local pages may not read the dev server (the UI is same-origin either way).
      cors: false,
      // Explicit, because inside Electron the page's own host is app://telltale.
      hmr: { protocol: 'ws', host: '127.0.0.1', clientPort: options.port },
      ...(options.proxy ? { proxy: options.proxy } : {}),
    },
  });
  await server.listen();
  return server;
}

/** Electron's binary, or null when it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD). */
export function electronBinary(): string | null {
  try {
    const path = require('electron') as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function devElectron(root: string): Promise<void> {
  const nonce = devNonce();
  const port = await freePort();
  const renderer = await startRendererDevServer({ root, port, nonce });
  const devUrl = `http://127.0.0.1:${port}/`;
  log(`renderer dev server on ${devUrl} (hot module reload)`);

  const binary = electronBinary();
  if (!binary) {
    log(
      "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, or its download host is unreachable): " +
        'rebuilding the main process on change without starting Electron. For the UI in a browser use `npm run dev:serve`.',
    );
  }

  let child: ChildProcess | null = null;
  let restarting: Promise<void> | null = null;
  let stopping = false;
  let watcher: ElectronWatcher | null = null;
  const built = new Set<ElectronTarget>();
  let timer: NodeJS.Timeout | undefined;

  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    if (child && child.exitCode === null) child.kill('SIGTERM');
    await watcher?.close();
    await renderer.close();
    process.exit(code);
  };

  const launch = (): void => {
    if (!binary || stopping) return;
    // Chromium refuses to run as root with its OS sandbox; the renderer's sandbox option still applies.
    const args = ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
    const started = spawn(binary, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, [DEV_SERVER_URL_ENV]: devUrl, [DEV_CSP_NONCE_ENV]: nonce },
    });
    child = started;
    started.on('exit', (code, signal) => {
      if (child !== started || stopping || restarting) return;
      if (code === 0) {
        log('Electron quit; stopping.');
        void stop(0);
      } else {
        log(`Electron exited (${signal ?? code}); it starts again after the next rebuild.`);
      }
    });
  };

  const restart = async (): Promise<void> => {
    const previous = child;
    if (previous && previous.exitCode === null && previous.signalCode === null) {
      // The app holds a single-instance lock: the old one must be gone before the new one starts.
      const exited = new Promise((resolve) => previous.once('exit', resolve));
      previous.kill('SIGTERM');
      await exited;
    }
    launch();
  };

  const scheduleRestart = (): void => {
    clearTimeout(timer);
    // Both targets can rebuild for one change (a shared contract file): restart once.
    timer = setTimeout(() => {
      if (restarting || stopping) return void scheduleRestart();
      log(child ? 'restarting Electron' : binary ? 'starting Electron' : 'the Electron bundles are built');
      restarting = restart().finally(() => (restarting = null));
    }, 150);
  };

  watcher = await watchElectron({
    root,
    mode: 'development',
    onBuilt: (target) => {
      if (built.has(target)) log(`${target} rebuilt`);
      built.add(target);
      if (built.size === ELECTRON_TARGETS.length) scheduleRestart();
    },
    onError: (target, error) => log(`${target} failed to build: ${error instanceof Error ? error.message : String(error)}`),
  });

  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The browser host's current token; while it (re)starts, callers wait for the next one. */
export class HostToken {
  #token: string | null = null;
  #waiters = new Set<(token: string) => void>();

  set(token: string): void {
    this.#token = token;
    for (const resolve of this.#waiters) resolve(token);
    this.#waiters.clear();
  }

  clear(): void {
    this.#token = null;
  }

  /** The token, or null when the host is not up within timeoutMs. */
  wait(timeoutMs: number): Promise<string | null> {
    if (this.#token) return Promise.resolve(this.#token);
    return new Promise((resolve) => {
      const done = (token: string | null): void => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve(token);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      this.#waiters.add(done);
    });
  }
}

/**
 * Lets the dev server's page call the browser host: checks the dev session's token, waits while
 * the host restarts, swaps the token for the host's current one and makes the request look
 * same-origin to the host (which refuses any other origin). Runs before Vite's proxy, which then
 * forwards /api/ to the host.
 */
export function apiBridge(options: { devToken: string; host: HostToken; viteOrigin: string; hostOrigin: string; waitMs?: number }): Plugin {
  const refuse = (res: ServerResponse, status: number, error: string): void => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ error }));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const url = new URL(req.url ?? '/', options.viteOrigin);
    if (!url.pathname.startsWith('/api/')) return next();
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? url.searchParams.get('token');
    if (given === null || !secretsEqual(given, options.devToken)) return refuse(res, 401, 'Missing or wrong token.');
    const hostToken = await options.host.wait(options.waitMs ?? 60_000);
    if (!hostToken) return refuse(res, 503, 'The browser host did not come up; see the terminal running `npm run dev:serve`.');
    url.searchParams.delete('token');
    req.url = `${url.pathname}${url.search}`;
    req.headers.authorization = `Bearer ${hostToken}`;
    // Only the dev server's own page becomes the host's origin; any other origin is passed on and refused there.
    if (req.headers.origin === options.viteOrigin) req.headers.origin = options.hostOrigin;
    next();
  };
  return {
    name: 'telltale-dev-api-bridge',
    configureServer: (server) => void server.middlewares.use((req, res, next) => void handle(req, res, next).catch(next)),
  };
}

async function devServe(root: string): Promise<void> {
  const hostPort = await freePort();
  const port = await freePort();
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const viteOrigin = `http://127.0.0.1:${port}`;
  const devToken = randomBytes(24).toString('base64url');
  const uiUrl = `${viteOrigin}/?token=${devToken}`;
  const hostToken = new HostToken();

  // tsx watch restarts the host on any change to a file it imports (main/, contract/).
  const host = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), 'watch', '--clear-screen=false', join('main', 'scripts', 'cli-source.ts'), 'serve', '--port', String(hostPort)],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let pending = '';
  host.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const served = /serving on http:\/\/127\.0\.0\.1:\d+\/\?token=([A-Za-z0-9_-]+)/.exec(line);
      if (served?.[1]) {
        hostToken.set(served[1]);
        log(`browser host ready; the UI: ${uiUrl}`);
      } else if (line.startsWith('(loopback only;')) {
        // The host's own hint; its address is not the one to open here.
      } else {
        if (/\[tsx\].*Restarting/.test(line)) hostToken.clear();
        console.log(line);
      }
    }
  });

  const renderer = await startRendererDevServer({
    root,
    port,
    nonce: devNonce(),
    plugins: [apiBridge({ devToken, host: hostToken, viteOrigin, hostOrigin })],
    proxy: { '/api/': { target: hostOrigin, changeOrigin: true } },
  });
  log(`UI with hot reload: ${uiUrl}`);
  log('(the browser host restarts on changes under main/ and contract/, the page reconnects by itself; Ctrl-C stops both)');

  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    if (host.exitCode === null) host.kill('SIGTERM');
    await renderer.close();
    process.exit(code);
  };
  host.on('exit', (code) => {
    if (!stopping) log(`the browser host's watcher exited (${code}); stopping.`);
    void stop(code ?? 1);
  });
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

const USAGE = 'usage: tsx main/scripts/dev.ts electron|serve   (npm run dev, npm run dev:serve)';

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode] = process.argv.slice(2);
  if (mode === 'electron') await devElectron(repoRoot());
  else if (mode === 'serve') await devServe(repoRoot());
  else {
    console.error(USAGE);
    process.exitCode = 2;
  }
}
