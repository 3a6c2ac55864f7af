/**
 * The privileged capture helper's socket (`sudo telltale capture`) and the unprivileged app's
 * client of it. The helper streams ConnectionEvents and ConnectionEnds as JSON lines (after a
 * hello line that says how it reads the kernel) over a Unix socket in a
 * directory owned by the user it serves (mode 0700, socket 0600), so only that user (and root)
 * can connect. It never reads what clients send. A client that does not keep up is dropped once
 * its buffer passes a bound: capture never waits for a reader.
 */
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseConnectionEventLine, type ConnectionEnd, type ConnectionEvent } from '../core/connections/trace-events.js';

type CaptureReader = 'raw' | 'text';

/** Where the helper for `uid` listens: in the user's runtime dir when there is one, else in /tmp. */
export function captureSocketPath(uid: number): string {
  const runtime = `/run/user/${uid}`;
  return existsSync(runtime) ? path.join(runtime, 'telltale', 'capture.sock') : path.join('/tmp', `telltale-${uid}`, 'capture.sock');
}

/** Why `dir` may not hold the socket for `uid`, or null: a real directory (not a link), owned by uid, closed to others. */
export function unsafeSocketDir(dir: string, uid: number): string | null {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch (error) {
    return `${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  if (!stat.isDirectory()) return `${dir} is not a directory`;
  if (stat.uid !== uid) return `${dir} is owned by uid ${stat.uid}, not ${uid}`;
  if ((stat.mode & 0o077) !== 0) return `${dir} is open to other users (mode ${(stat.mode & 0o777).toString(8)})`;
  return null;
}

export interface CaptureServerOptions {
  socketPath: string;
  /** The user (and group) allowed to connect. */
  uid: number;
  gid: number;
  /** How the capture reads the kernel, told to each client in the hello line. */
  reader: CaptureReader;
  /** Bytes queued for one client before it is dropped. */
  maxBuffered?: number;
}

export interface CaptureServer {
  send(event: ConnectionEvent | ConnectionEnd): void;
  readonly clients: number;
  /** Clients dropped for not reading fast enough. */
  readonly dropped: number;
  close(): Promise<void>;
}

const MAX_BUFFERED = 1024 * 1024;

export async function serveCaptureEvents(options: CaptureServerOptions): Promise<CaptureServer> {
  const { socketPath, uid, gid } = options;
  const dir = path.dirname(socketPath);
  if (!existsSync(dir)) {
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, uid, gid);
  }
  const unsafe = unsafeSocketDir(dir, uid);
  if (unsafe) throw new Error(`will not listen there: ${unsafe}`);
  if (existsSync(socketPath)) {
    if (!lstatSync(socketPath).isSocket()) throw new Error(`${socketPath} exists and is not a socket`);
    unlinkSync(socketPath); // left by a helper that was killed
  }
  const clients = new Set<net.Socket>();
  let dropped = 0;
  const server = net.createServer((socket) => {
    clients.add(socket);
    socket.on('data', () => undefined); // commands are not accepted: what a client sends is discarded
    socket.on('error', () => socket.destroy());
    socket.on('close', () => clients.delete(socket));
    socket.write(`${JSON.stringify({ type: 'hello', version: 1, reader: options.reader })}\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  chownSync(socketPath, uid, gid);
  const limit = options.maxBuffered ?? MAX_BUFFERED;
  return {
    send(event) {
      const line = `${JSON.stringify(event)}\n`;
      for (const socket of clients) {
        if (socket.writableLength > limit) {
          dropped++;
          clients.delete(socket);
          socket.destroy();
        } else socket.write(line);
      }
    },
    get clients() {
      return clients.size;
    },
    get dropped() {
      return dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of clients) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface HelperClientOptions {
  socketPath: string;
  onEvent: (event: ConnectionEvent) => void;
  onEnd?: (end: ConnectionEnd) => void;
  /** Connected to the helper, or not (with why). */
  onState: (connected: boolean, reason: string | null) => void;
  /** How often to try again while the helper is not there (ms). */
  retryMs?: number;
}

export interface HelperClient {
  readonly connected: boolean;
  /** How the helper reads the kernel, once its hello said so. */
  readonly reader: CaptureReader | null;
  stop(): void;
}

const RETRY_MS = 2000;
const MAX_LINE = 4096;

/** The reader a hello line names, or null when the line is not one. */
function helloReader(line: string): CaptureReader | null {
  try {
    const hello = JSON.parse(line) as { type?: unknown; reader?: unknown };
    return hello.type === 'hello' && (hello.reader === 'raw' || hello.reader === 'text') ? hello.reader : null;
  } catch {
    return null;
  }
}

/** Connects to the helper's socket and keeps reconnecting (the helper may start later or restart). */
export function connectCaptureHelper(options: HelperClientOptions): HelperClient {
  const uid = process.getuid?.() ?? -1;
  let socket: net.Socket | null = null;
  let timer: NodeJS.Timeout | null = null;
  let connected = false;
  let stopped = false;
  let reader: CaptureReader | null = null;

  const retry = (reason: string) => {
    socket = null;
    if (connected) {
      connected = false;
      options.onState(false, reason);
    }
    if (!stopped) timer = setTimeout(attempt, options.retryMs ?? RETRY_MS);
  };

  function attempt(): void {
    timer = null;
    // Only a directory of ours, closed to others, can hold a socket only we or root made.
    const unsafe = unsafeSocketDir(path.dirname(options.socketPath), uid);
    if (unsafe) return retry(unsafe);
    let partial = '';
    const s = net.connect(options.socketPath);
    socket = s;
    s.setEncoding('utf8');
    s.on('connect', () => {
      connected = true;
      options.onState(true, null);
    });
    s.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      if (partial.length > MAX_LINE) partial = ''; // not a line the helper writes
      for (const line of lines) {
        const event = parseConnectionEventLine(line);
        if (event?.type === 'closed') options.onEnd?.(event);
        else if (event) options.onEvent(event);
        else reader = helloReader(line) ?? reader;
      }
    });
    s.on('error', () => undefined); // 'close' follows and says it
    s.on('close', () => retry('the capture helper went away'));
  }

  attempt();
  return {
    get connected() {
      return connected;
    },
    get reader() {
      return reader;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket?.destroy();
    },
  };
}
