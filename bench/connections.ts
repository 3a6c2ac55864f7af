import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { createProcfsSampler } from '../main/adapters/connections-procfs.js';
import { createSiSampler } from '../main/adapters/connections-si.js';
import { median, timeMs, type BenchModule, type BenchRow } from './types.js';

const CHILDREN = 10;
const CONNECTIONS_PER_CHILD = 20;
const RUNS = 9;

/** Children each holding CONNECTIONS_PER_CHILD loopback TCP connections to our server. */
async function startLoad(): Promise<{ stop: () => void }> {
  const server = net.createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const script =
    `let open = 0; for (let i = 0; i < ${CONNECTIONS_PER_CHILD}; i++) require('net').connect(${port}, '127.0.0.1', () => ` +
    `{ if (++open === ${CONNECTIONS_PER_CHILD}) console.log('ready'); }); setInterval(() => {}, 1e6);`;
  const children: ChildProcess[] = [];
  await Promise.all(
    Array.from({ length: CHILDREN }, () => {
      const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(child);
      return new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
    }),
  );
  return {
    stop: () => {
      for (const child of children) child.kill('SIGKILL');
      server.close();
    },
  };
}

export const connectionsBench: BenchModule = {
  area: 'connections',
  async run(): Promise<BenchRow[]> {
    if (process.platform !== 'linux') return [];
    const load = await startLoad();
    // Samplers kept across samples, as the monitor keeps them: these are warm-cache timings.
    const hooks = { redact: (command: string) => command, matchTool: () => null };
    const procfs = createProcfsSampler(hooks);
    const portable = createSiSampler(hooks);
    const sampleProcfs = () => procfs.sample();
    const sampleSystemInformation = () => portable.sample();
    try {
      const probe = await sampleProcfs();
      const note = `${probe.connections.length} sockets, ${probe.processes.length} processes, median of ${RUNS}`;
      const native: number[] = [];
      const si: number[] = [];
      // Warm-up, then interleave so both see the same machine state.
      await sampleSystemInformation();
      for (let i = 0; i < RUNS; i++) {
        native.push(await timeMs(sampleProcfs));
        si.push(await timeMs(sampleSystemInformation));
      }
      return [
        { area: 'connections', name: 'systeminformation sample', value: median(si), unit: 'ms', note },
        { area: 'connections', name: 'procfs sample', value: median(native), unit: 'ms', baseline: 'systeminformation sample', baselineLabel: 'systeminformation', note },
      ];
    } finally {
      load.stop();
    }
  },
};
