/**
 * Keeps the probed tool off the network and sets the system it sees. Pointing its base URL at the
 * tap is not enough: real tools also send telemetry, error reports and update checks straight to
 * their vendors' hosts. On Linux each run gets its own user, network and mount namespaces (via
 * `unshare`). In the network namespace only loopback exists; a small relay inside it listens on the
 * tap's loopback port and passes connections through Unix sockets (which cross namespaces, being
 * files) to bridges in the probe, which connect to the real port.
 * Every other address is routed to loopback too, where the relay notes connects to ports 80 and 443
 * (and refuses them), so a direct connect to an IP is seen and fails at once, as any other does.
 * In the mount namespace /etc is overlaid with the run's own localtime (a link to the zone's
 * zoneinfo file), timezone (its name) and resolv.conf (a resolver on loopback, relayed to the
 * probe's DNS responder): the variant's zone is the system zone, and every name looked up is seen.
 * The host's /etc is untouched: the overlay exists only in the run's namespace.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { IsolationProblem } from '../../contract/message.js';

/** The Unix socket, in the socket dir, where the probe answers the runs' DNS queries. */
export const DNS_SOCKET = 'dns.sock';
/** Ports whose direct connects the relay notes (HTTP and HTTPS: telemetry, HTTPDNS). */
const CAUGHT_PORTS = [80, 443];

export interface RunSetup {
  /** The run's system zone; ignored where there is no mount namespace. */
  systemZone: string;
  /** Where the relay notes the direct connects it caught, one JSON line each ({address, port}). */
  connectsFile: string;
}

export interface Isolation {
  /** The command that runs `command` isolated, with the run's system zone and resolver. */
  wrap(command: readonly string[], run: RunSetup): Promise<string[]>;
  /** Why the system zone and resolver cannot be set per run (no mount namespace), or null. */
  readonly mountUnavailable: IsolationProblem | null;
  close(): Promise<void>;
}

/**
 * Runs inside the namespaces: brings loopback up, overlays /etc, relays the ports and DNS, notes
 * caught connects, runs the tool and exits as it did (125 when the namespace could not be set up).
 */
const RELAY = `
const { execFileSync, spawn } = require('node:child_process');
const { appendFileSync } = require('node:fs');
const dgram = require('node:dgram');
const net = require('node:net');
const [configJson, file, ...args] = process.argv.slice(1);
const config = JSON.parse(configJson);
const fail = (what, e) => { process.stderr.write('telltale probe: could not set up the run (' + what + '): ' + e.message + '\\n'); process.exit(125); };
try { execFileSync(config.ip, ['link', 'set', 'lo', 'up']); } catch (e) { fail('loopback', e); }
if (config.etcLayer) {
  try { execFileSync(config.mount, ['-t', 'overlay', 'overlay', '-o', 'lowerdir=' + config.etcLayer + ':/etc', '/etc']); } catch (e) { fail('system zone and resolver', e); }
}
try { execFileSync(config.ip, ['route', 'add', 'local', '0.0.0.0/0', 'dev', 'lo']); } catch { /* connects to other addresses then fail unseen */ }
const ready = [];
const listen = (server, port, host) => ready.push(new Promise((resolve, reject) => { server.once('error', reject); server.listen(port, host, resolve); }));
const bridge = (name) => (inner) => {
  const outer = net.connect(config.socketDir + '/' + name);
  for (const [a, b] of [[inner, outer], [outer, inner]]) {
    a.on('error', () => b.destroy());
    a.on('close', () => b.destroy());
  }
  inner.pipe(outer).pipe(inner);
};
for (const port of config.ports) listen(net.createServer(bridge(port + '.sock')), port, '127.0.0.1');
if (config.dns) {
  listen(net.createServer(bridge(config.dns)), 53, '0.0.0.0');
  const udp = dgram.createSocket('udp4');
  udp.on('message', (query, from) => {
    const conn = net.connect(config.socketDir + '/' + config.dns);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(query.length);
    conn.write(Buffer.concat([length, query]));
    let got = Buffer.alloc(0);
    conn.on('data', (chunk) => {
      got = Buffer.concat([got, chunk]);
      if (got.length >= 2 && got.length >= 2 + got.readUInt16BE(0)) {
        udp.send(got.subarray(2, 2 + got.readUInt16BE(0)), from.port, from.address);
        conn.destroy();
      }
    });
    conn.on('error', () => conn.destroy());
  });
  ready.push(new Promise((resolve, reject) => { udp.once('error', reject); udp.bind(53, '0.0.0.0', resolve); }));
}
for (const port of config.caught) {
  listen(net.createServer((socket) => {
    try { appendFileSync(config.connectsFile, JSON.stringify({ address: socket.localAddress, port: socket.localPort }) + '\\n'); } catch { /* not noted */ }
    socket.destroy();
  }), port, '0.0.0.0');
}
Promise.all(ready).then(run, (e) => fail('relay', e));
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

async function findCommand(name: string, searchPath: string): Promise<string | null> {
  const dirs = [...searchPath.split(path.delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'].filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
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

const ZONEINFO = '/usr/share/zoneinfo';
/** Loopback is the only resolver; one quick try, so a tool that ignores NXDOMAIN does not wait. */
const RESOLV_CONF = 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n';

/**
 * The files laid over /etc for a system zone: localtime a link into the zoneinfo database (as
 * distributions make it, so tools that read the link's target, like ICU and Rust's iana-time-zone,
 * find the name), timezone the name, resolv.conf the loopback resolver.
 */
async function writeEtcLayer(dir: string, zone: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await symlink(path.join(ZONEINFO, zone), path.join(dir, 'localtime'));
  await writeFile(path.join(dir, 'timezone'), `${zone}\n`, { mode: 0o644 });
  await writeFile(path.join(dir, 'resolv.conf'), RESOLV_CONF, { mode: 0o644 });
}

/** What a failing command printed, when it printed anything. */
const printed = (output: string): { output?: string } => (output ? { output } : {});

export type IsolationResult = { ok: true; isolation: Isolation } | { ok: false; problem: IsolationProblem };

const NAMESPACES = ['--user', '--map-root-user', '--net', '--mount'];

/**
 * Sets up isolation for runs that must reach only `ports` on 127.0.0.1; `socketDir` is an empty
 * private directory for the Unix sockets and the /etc layers.
 */
export async function startIsolation(socketDir: string, ports: readonly number[], searchPath: string): Promise<IsolationResult> {
  if (process.platform !== 'linux') return { ok: false, problem: { id: 'isolation.not-linux', platform: process.platform } };
  const ip = await findCommand('ip', searchPath);
  if (!ip) return { ok: false, problem: { id: 'isolation.no-ip-command' } };
  const netOnly = await run('unshare', ['--user', '--map-root-user', '--net', '--', ip, 'link', 'set', 'lo', 'up']);
  if (!netOnly.ok) return { ok: false, problem: { id: 'isolation.no-network-namespace', ...printed(netOnly.output) } };
  const mountUnavailable = await checkMount(socketDir, searchPath);
  const layers = new Map<string, string>();
  const layerFor = async (zone: string): Promise<string> => {
    const known = layers.get(zone);
    if (known) return known;
    const dir = path.join(socketDir, `etc-${layers.size}`);
    await writeEtcLayer(dir, zone);
    layers.set(zone, dir);
    return dir;
  };
  const mount = mountUnavailable === null ? await findCommand('mount', searchPath) : null;
  const bridges = await startBridges(socketDir, ports);
  return {
    ok: true,
    isolation: {
      mountUnavailable,
      wrap: async (command, setup) => {
        const etcLayer = mount ? await layerFor(setup.systemZone) : null;
        const config = { ip, mount, etcLayer, socketDir, ports, dns: etcLayer ? DNS_SOCKET : null, caught: CAUGHT_PORTS, connectsFile: setup.connectsFile };
        return ['unshare', ...(etcLayer ? NAMESPACES : NAMESPACES.filter((n) => n !== '--mount')), '--', process.execPath, '-e', RELAY, JSON.stringify(config), ...command];
      },
      close: () => bridges.close(),
    },
  };
}

/** Null when /etc can be overlaid in a mount namespace here, else why not. */
async function checkMount(socketDir: string, searchPath: string): Promise<IsolationProblem | null> {
  const mount = await findCommand('mount', searchPath);
  if (!mount) return { id: 'isolation.no-mount-command' };
  const layer = path.join(socketDir, 'etc-check');
  await writeEtcLayer(layer, 'UTC');
  const tried = await run('unshare', [...NAMESPACES, '--', mount, '-t', 'overlay', 'overlay', '-o', `lowerdir=${layer}:/etc`, '/etc']);
  return tried.ok ? null : { id: 'isolation.no-overlay', ...printed(tried.output) };
}
