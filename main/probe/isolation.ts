/**
 * Keeps the probed tool off the network. Pointing its base URL at the tap is not enough: real
 * tools also send telemetry, error reports and update checks straight to their vendors' hosts.
 * On Linux each run gets its own network namespace (an unprivileged user namespace via
 * `unshare`), where only loopback exists; a small relay inside it listens on the tap's and the
 * dead proxy's loopback ports and passes connections through Unix sockets (which cross namespaces,
 * being files) to bridges in the probe, which connect to the real ports. Anything else the tool
 * dials fails at once (no route, no DNS), so no run waits on the network either.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export interface Isolation {
  /** The command that runs `command` isolated. */
  wrap(command: readonly string[]): string[];
  close(): Promise<void>;
}

/** Runs inside the namespace: brings loopback up, relays the ports, runs the tool, exits as it did. */
const RELAY = `
const { execFileSync, spawn } = require('node:child_process');
const net = require('node:net');
const [ip, socketDir, portList, file, ...args] = process.argv.slice(1);
execFileSync(ip, ['link', 'set', 'lo', 'up']);
const ports = portList.split(',');
let waiting = ports.length;
for (const port of ports) {
  net.createServer((inner) => {
    const outer = net.connect(socketDir + '/' + port + '.sock');
    for (const [a, b] of [[inner, outer], [outer, inner]]) {
      a.on('error', () => b.destroy());
      a.on('close', () => b.destroy());
    }
    inner.pipe(outer).pipe(inner);
  }).listen(Number(port), '127.0.0.1', () => { if (--waiting === 0) run(); });
}
function run() {
  const child = spawn(file, args, { stdio: 'inherit' });
  child.on('error', (e) => { process.stderr.write('command not found or not runnable: ' + file + ' (' + e.message + ')\\n'); process.exit(127); });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (require('node:os').constants.signals[signal] ?? 0)));
}
`;

function run(file: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 10_000 }, (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}${stderr}`.trim() }));
  });
}

async function findIp(searchPath: string): Promise<string | null> {
  const dirs = [...searchPath.split(path.delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'].filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, 'ip');
    try {
      await access(candidate);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

/** Joins two sockets both ways; when either closes, so does the other. */
function splice(a: net.Socket, b: net.Socket): void {
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
  a.on('close', () => b.destroy());
  b.on('close', () => a.destroy());
  a.pipe(b).pipe(a);
}

interface Bridges {
  close(): Promise<void>;
}

/** A Unix socket per port that forwards to 127.0.0.1:port. */
async function startBridges(socketDir: string, ports: readonly number[]): Promise<Bridges> {
  const open = new Set<net.Socket>();
  const servers = await Promise.all(
    ports.map(
      (port) =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer((inner) => {
            open.add(inner);
            inner.on('close', () => open.delete(inner));
            splice(inner, net.connect(port, '127.0.0.1'));
          });
          server.once('error', reject);
          server.listen(path.join(socketDir, `${port}.sock`), () => resolve(server));
        }),
    ),
  );
  return {
    close: async () => {
      // Runs are over: whatever a killed tool left open goes too.
      for (const socket of open) socket.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

export type IsolationResult = { ok: true; isolation: Isolation } | { ok: false; reason: string };

/**
 * Sets up network isolation for runs that must reach only `ports` on 127.0.0.1; `socketDir` is an
 * empty private directory for the Unix sockets.
 */
export async function startIsolation(socketDir: string, ports: readonly number[], searchPath: string): Promise<IsolationResult> {
  if (process.platform !== 'linux') return { ok: false, reason: `network isolation is only implemented on Linux (this is ${process.platform})` };
  const ip = await findIp(searchPath);
  if (!ip) return { ok: false, reason: 'the "ip" command (iproute2), needed to bring up loopback in the isolated network, was not found' };
  const unshare = ['--user', '--map-root-user', '--net', '--'];
  const probe = await run('unshare', [...unshare, ip, 'link', 'set', 'lo', 'up']);
  if (!probe.ok) {
    return { ok: false, reason: `cannot create an isolated network namespace (unshare --user --net: ${probe.output || 'failed'}); unprivileged user namespaces may be disabled` };
  }
  const bridges = await startBridges(socketDir, ports);
  return {
    ok: true,
    isolation: {
      wrap: (command) => ['unshare', ...unshare, process.execPath, '-e', RELAY, ip, socketDir, ports.join(','), ...command],
      close: () => bridges.close(),
    },
  };
}
