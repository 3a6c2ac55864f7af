import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createProcfsSampler } from '../../main/adapters/connections-procfs.js';
import { createConnectionSampler, type ConnectionSample } from '../../main/adapters/connections-sample.js';
import type { SampledConnection } from '../../main/core/connections/types.js';

const children: ChildProcess[] = [];
const closers: (() => void)[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const close of closers.splice(0)) close();
});

/** A child's stdout, line by line. */
function lineReader(child: ChildProcess): () => Promise<string> {
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let newline = buffered.indexOf('\n'); newline !== -1; newline = buffered.indexOf('\n')) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const resolve = waiting.shift();
      if (resolve) resolve(line);
      else lines.push(line);
    }
  });
  return () =>
    new Promise((resolve, reject) => {
      const line = lines.shift();
      if (line !== undefined) return resolve(line);
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`child exited (${String(code)})`)));
    });
}

/** A child process and its stdout, line by line. */
interface Holder {
  child: ChildProcess;
  pid: number;
  next: () => Promise<string>;
  send(line: string): void;
}

/** Runs `node -e script ...args`; the script talks through stdin/stdout lines. */
function holder(script: string, args: string[] = []): Holder {
  const child = spawn(process.execPath, ['-e', script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  return { child, pid: child.pid as number, next: lineReader(child), send: (line) => child.stdin?.write(`${line}\n`) };
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

const identity = { redact: (command: string) => command, matchTool: () => null };

// Connects to host:port on start and again on every stdin line, printing each new local port.
const connector = (port: number, host: string) =>
  `const net = require('net'); const held = [];` +
  `const open = () => { const s = net.connect(${port}, '${host}', () => console.log(String(s.localPort))); held.push(s); };` +
  `open(); require('readline').createInterface({ input: process.stdin }).on('line', open);`;

const tcpTo = (pid: number, port: number, host: string) =>
  expect.objectContaining<Partial<SampledConnection>>({ pid, remotePort: port, remoteAddress: host, state: 'ESTABLISHED' });

for (const prefer of ['native', 'systeminformation'] as const) {
  describe(`createConnectionSampler({ prefer: '${prefer}' })`, () => {
    it('attributes a child TCP connection to 127.0.0.1 to its pid, sample after sample', async () => {
      const sampler = createConnectionSampler({ ...identity, prefer });
      const port = await tcpServer('127.0.0.1');
      const child = holder(connector(port, '127.0.0.1'));
      await child.next();
      for (let i = 0; i < 2; i++) {
        const sample = await sampler.sample();
        expect(sample.source).toBe(prefer === 'native' ? 'procfs' : 'systeminformation');
        expect(sample.connections).toContainEqual(tcpTo(child.pid, port, '127.0.0.1'));
        // Connections carry no name or command: each process is listed once.
        for (const connection of sample.connections) expect(connection).not.toHaveProperty('command');
        expect(sample.processes).toContainEqual(expect.objectContaining({ pid: process.pid, ppid: process.ppid }));
        const mine = sample.processes.filter((p) => p.pid === child.pid);
        expect(mine).toHaveLength(1);
        expect(mine[0]?.name).toBe('node');
        expect(mine[0]?.command).toContain("require('net')");
      }
    });

    it.skipIf(!hasIpv6)('sees a TCP connection to ::1', async () => {
      const sampler = createConnectionSampler({ ...identity, prefer });
      const port = await tcpServer('::1');
      const child = holder(connector(port, '::1'));
      await child.next();
      for (let i = 0; i < 2; i++) {
        const sample = await sampler.sample();
        expect(sample.connections).toContainEqual(
          expect.objectContaining({ pid: child.pid, remotePort: port, remoteAddress: '::1', state: 'ESTABLISHED', protocol: 'tcp6' }),
        );
      }
    });

    it('sees UDP sockets (connected; unconnected on the native path)', async () => {
      const sampler = createConnectionSampler({ ...identity, prefer });
      const server = dgram.createSocket('udp4');
      await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', resolve));
      closers.push(() => server.close());
      const serverPort = server.address().port;
      const child = holder(
        `const dgram = require('dgram'); const c = dgram.createSocket('udp4');` +
          `c.connect(${serverPort}, '127.0.0.1', () => { const u = dgram.createSocket('udp4');` +
          `u.bind(0, '127.0.0.1', () => console.log(String(u.address().port))); }); setInterval(() => {}, 1e6);`,
      );
      const unconnectedPort = Number(await child.next());
      const sample = await sampler.sample();
      expect(sample.connections).toContainEqual(
        expect.objectContaining({ pid: child.pid, protocol: 'udp', remotePort: serverPort, state: 'ESTABLISHED' }),
      );
      const unconnected = expect.objectContaining({ pid: child.pid, protocol: 'udp', localPort: unconnectedPort, remoteAddress: null, state: 'UNCONN' });
      if (prefer === 'native') expect(sample.connections).toContainEqual(unconnected);
      // systeminformation's Linux netstat filter drops sockets without a state; it says so.
      else expect(sample.notes).toContain('systeminformation on Linux lists no unconnected UDP sockets');
    });

    it('picks up a connection a known process opens between samples', async () => {
      const sampler = createConnectionSampler({ ...identity, prefer });
      const port = await tcpServer('127.0.0.1');
      const child = holder(connector(port, '127.0.0.1'));
      const firstPort = Number(await child.next());
      const first = await sampler.sample();
      expect(first.connections).toContainEqual(expect.objectContaining({ pid: child.pid, localPort: firstPort }));
      child.send('open another');
      const secondPort = Number(await child.next());
      const second = await sampler.sample();
      expect(second.connections).toContainEqual(expect.objectContaining({ pid: child.pid, localPort: firstPort, state: 'ESTABLISHED' }));
      expect(second.connections).toContainEqual(expect.objectContaining({ pid: child.pid, localPort: secondPort, state: 'ESTABLISHED' }));
    });

    it('drops a process that exits between samples', async () => {
      const sampler = createConnectionSampler({ ...identity, prefer });
      const port = await tcpServer('127.0.0.1');
      const child = holder(connector(port, '127.0.0.1'));
      await child.next();
      expect((await sampler.sample()).processes.map((p) => p.pid)).toContain(child.pid);
      await new Promise((resolve) => {
        child.child.once('exit', resolve);
        child.child.kill('SIGKILL');
      });
      // systeminformation answers processes() from a cache for 500 ms.
      if (prefer === 'systeminformation') await new Promise((resolve) => setTimeout(resolve, 600));
      const after = await sampler.sample();
      expect(after.processes.map((p) => p.pid)).not.toContain(child.pid);
      expect(after.connections.filter((c) => c.pid === child.pid)).toEqual([]);
    });

    it('keeps a TIME_WAIT socket without an owner, and says why', async () => {
      const sampler = createConnectionSampler({ ...identity, prefer });
      const port = await tcpServer('127.0.0.1');
      // The client closes first, so its end of the connection lingers in TIME_WAIT.
      const child = holder(
        `const s = require('net').connect(${port}, '127.0.0.1', () => { const p = s.localPort; s.end(); s.on('close', () => console.log(String(p))); });` +
          `s.resume(); setInterval(() => {}, 1e6);`,
      );
      const localPort = Number(await child.next());
      const sample = await sampler.sample();
      expect(sample.connections).toContainEqual(
        expect.objectContaining({ pid: null, ownerUnknown: prefer === 'native' ? 'no-process' : 'not-reported', localPort, state: 'TIME_WAIT' }),
      );
    });
  });
}

describe('the procfs sampler', () => {
  it('redacts a 128 KB command line once across samples', async () => {
    const redacted: string[] = [];
    const sampler = createProcfsSampler({
      redact: (command) => {
        redacted.push(command);
        return command;
      },
      matchTool: () => null,
    });
    const port = await tcpServer('127.0.0.1');
    // One argument may not exceed 128 KB (MAX_ARG_STRLEN): two of 64 KB.
    const half = 'x'.repeat(64 * 1024);
    const child = holder(connector(port, '127.0.0.1'), [half, half]);
    await child.next();
    for (let i = 0; i < 3; i++) {
      const sample = await sampler.sample();
      expect(sample.connections).toContainEqual(tcpTo(child.pid, port, '127.0.0.1'));
      expect(sample.processes.find((p) => p.pid === child.pid)?.command.length).toBeGreaterThan(128 * 1024);
    }
    expect(redacted.filter((command) => command.length > 128 * 1024)).toHaveLength(1);
  });

  it('never crashes while processes come and go during a sample', async () => {
    // Churn: a shell starting and ending short-lived processes the whole time.
    const churn = spawn('sh', ['-c', 'while :; do sleep 0.001 & sleep 0.001 & wait; done'], { stdio: 'ignore' });
    children.push(churn);
    const sampler = createConnectionSampler({ ...identity, prefer: 'native' });
    for (let i = 0; i < 10; i++) {
      const sample: ConnectionSample = await sampler.sample();
      expect(sample.processes.length).toBeGreaterThan(0);
      const pids = new Set(sample.processes.map((p) => p.pid));
      for (const connection of sample.connections) {
        if (connection.pid === null) expect(connection.ownerUnknown).toBeDefined();
        else expect(pids.has(connection.pid)).toBe(true);
      }
    }
    const portable = createConnectionSampler({ ...identity, prefer: 'systeminformation' });
    for (let i = 0; i < 2; i++) expect((await portable.sample()).processes.length).toBeGreaterThan(0);
  });

  it.skipIf(process.getuid?.() !== 0)("marks sockets of processes whose fds it may not read 'permission-denied' (run as nobody)", async () => {
    const port = await tcpServer('127.0.0.1');
    const rootChild = holder(connector(port, '127.0.0.1'));
    const firstPort = Number(await rootChild.next());
    // The sampler runs as nobody: it sees root's processes but not their fds.
    const adapter = fileURLToPath(new URL('../../main/adapters/connections-procfs.ts', import.meta.url));
    const script =
      `const { createProcfsSampler } = await import(${JSON.stringify(adapter)});` +
      `const s = createProcfsSampler({ redact: (c) => c, matchTool: () => null });` +
      `const report = async () => { const r = await s.sample(); console.log(JSON.stringify({ connections: r.connections, notes: r.notes, cost: s.lastCost })); };` +
      `await report(); (await import('node:readline')).createInterface({ input: process.stdin }).once('line', report);`;
    const sampler = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      uid: 65534,
      gid: 65534,
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    children.push(sampler);
    const nextLine = lineReader(sampler);
    type Report = { connections: SampledConnection[]; notes: string[]; cost: { searchedAll: boolean } };
    const first = JSON.parse(await nextLine()) as Report;
    expect(first.connections).toContainEqual(expect.objectContaining({ localPort: firstPort, pid: null, ownerUnknown: 'permission-denied' }));
    expect(first.notes.some((note) => /process\(es\) hide their open files \(permission denied\)/.test(note))).toBe(true);

    // A new socket of root's: not worth reading every fd table for, as nobody cannot read root's.
    rootChild.send('open another');
    const secondPort = Number(await rootChild.next());
    sampler.stdin?.write('again\n');
    const second = JSON.parse(await nextLine()) as Report;
    expect(second.connections).toContainEqual(expect.objectContaining({ localPort: secondPort, pid: null, ownerUnknown: 'permission-denied' }));
    expect(second.cost.searchedAll).toBe(false);
  });
});
