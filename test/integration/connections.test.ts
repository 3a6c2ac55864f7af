import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Connection } from '../../contract/snapshot.js';
import { sampleConnections } from '../../main/adapters/connections-sample.js';

const children: ChildProcess[] = [];
const closers: (() => void)[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const close of closers.splice(0)) close();
});

/** Runs `node -e script` and resolves with the child and the first line it prints. */
function holder(script: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline !== -1) resolve({ child, line: out.slice(0, newline) });
    });
    child.once('exit', (code) => reject(new Error(`holder exited early (${String(code)})`)));
  });
}

async function tcpServer(host: string): Promise<number> {
  const server = net.createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  closers.push(() => server.close());
  return (server.address() as net.AddressInfo).port;
}

async function ipv6Loopback(): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(0, '::1', () => server.close(() => resolve(true)));
  });
}

const hasIpv6 = await ipv6Loopback();
if (!hasIpv6) console.warn('skipping IPv6 connection tests: cannot listen on ::1 here');

const holdTcp = (port: number, host: string) =>
  `const s = require('net').connect(${port}, '${host}', () => console.log('connected')); setInterval(() => {}, 1e6);`;

for (const prefer of ['native', 'systeminformation'] as const) {
  describe(`sampleConnections({ prefer: '${prefer}' })`, () => {
    it('sees a child node process holding a TCP connection to 127.0.0.1', async () => {
      const port = await tcpServer('127.0.0.1');
      const { child } = await holder(holdTcp(port, '127.0.0.1'));
      const sample = await sampleConnections({ prefer });
      expect(sample.source).toBe(prefer === 'native' ? 'procfs' : 'systeminformation');
      expect(sample.connections).toContainEqual(
        expect.objectContaining({ pid: child.pid, process: 'node', remotePort: port, remoteAddress: '127.0.0.1', state: 'ESTABLISHED', protocol: 'tcp' }),
      );
      for (const connection of sample.connections) Connection.parse(connection);
      // Every process is listed, with or without sockets; ours has the full command line.
      expect(sample.processes).toContainEqual(expect.objectContaining({ pid: process.pid, ppid: process.ppid }));
      const mine = sample.processes.find((p) => p.pid === child.pid);
      expect(mine?.name).toBe('node');
      expect(mine?.command).toContain("require('net')");
    });

    it.skipIf(!hasIpv6)('sees a TCP connection to ::1', async () => {
      const port = await tcpServer('::1');
      const { child } = await holder(holdTcp(port, '::1'));
      const sample = await sampleConnections({ prefer });
      expect(sample.connections).toContainEqual(
        expect.objectContaining({ pid: child.pid, process: 'node', remotePort: port, remoteAddress: '::1', state: 'ESTABLISHED', protocol: 'tcp6' }),
      );
    });

    it('sees UDP sockets (connected; unconnected on the native path)', async () => {
      const server = dgram.createSocket('udp4');
      await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', resolve));
      closers.push(() => server.close());
      const serverPort = server.address().port;
      const { child, line } = await holder(
        `const dgram = require('dgram'); const c = dgram.createSocket('udp4');` +
          `c.connect(${serverPort}, '127.0.0.1', () => { const u = dgram.createSocket('udp4');` +
          `u.bind(0, '127.0.0.1', () => console.log(String(u.address().port))); }); setInterval(() => {}, 1e6);`,
      );
      const sample = await sampleConnections({ prefer });
      expect(sample.connections).toContainEqual(
        expect.objectContaining({ pid: child.pid, process: 'node', protocol: 'udp', remotePort: serverPort, state: 'ESTABLISHED' }),
      );
      const unconnected = expect.objectContaining({ pid: child.pid, protocol: 'udp', localPort: Number(line), remoteAddress: null, state: 'UNCONN' });
      if (prefer === 'native') expect(sample.connections).toContainEqual(unconnected);
      // systeminformation's Linux netstat filter drops sockets without a state; it says so.
      else expect(sample.notes).toContain('systeminformation on Linux lists no unconnected UDP sockets');
    });
  });
}

describe('processes that come and go during a sample', () => {
  it('never crash the sampler', async () => {
    // Churn: a shell starting and ending short-lived processes the whole time.
    const churn = spawn('sh', ['-c', 'while :; do sleep 0.001 & sleep 0.001 & wait; done'], { stdio: 'ignore' });
    children.push(churn);
    for (let i = 0; i < 10; i++) {
      const sample = await sampleConnections({ prefer: 'native' });
      for (const connection of sample.connections) Connection.parse(connection);
      expect(sample.processes.length).toBeGreaterThan(0);
    }
    for (let i = 0; i < 2; i++) {
      const sample = await sampleConnections({ prefer: 'systeminformation' });
      expect(sample.processes.length).toBeGreaterThan(0);
    }
  });

  it.skipIf(process.getuid?.() !== 0)('reports fd tables it may not read instead of failing (run as nobody)', () => {
    const adapter = fileURLToPath(new URL('../../main/adapters/connections-procfs.ts', import.meta.url));
    const script = `import(${JSON.stringify(adapter)}).then((m) => m.sampleProcfs()).then((s) => console.log(JSON.stringify(s.notes)))`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      uid: 65534,
      gid: 65534,
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const notes = JSON.parse(run.stdout) as string[];
    expect(notes.some((note) => /process\(es\) hide their open files \(permission denied\)/.test(note))).toBe(true);
  });
});
