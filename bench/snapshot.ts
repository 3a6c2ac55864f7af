/**
 * Issue 8: a whole `telltale snapshot --json` process at ~10k sockets, against what the same
 * picture costs with standard tools (`ss -tunap; ps -eo pid,comm,args`) and with systeminformation
 * (bench/si-connections.mjs). Each command runs under `bash -c` and /usr/bin/time, interleaved, so
 * all three see the same machine. Targets: <= 1.0x ss+ps and <= 0.25x systeminformation.
 */
import { ROOT, distBuilt, haveTime, machineLoad, runTimed, shellQuote, startHolder, TELLTALE, type TimedRun } from './proc.js';
import { median, spread, type BenchModule, type BenchOptions, type BenchRow } from './types.js';

const AREA = 'snapshot';
const node = shellQuote(process.execPath);
const SI_SCRIPT = new URL('./si-connections.mjs', import.meta.url).pathname;

const COMMANDS = {
  telltale: `${node} ${shellQuote(TELLTALE)} snapshot --json > /dev/null`,
  ssps: 'ss -tunap > /dev/null; ps -eo pid,comm,args > /dev/null',
  si: `${node} ${shellQuote(SI_SCRIPT)} > /dev/null`,
} as const;
type Which = keyof typeof COMMANDS;

const NAMES: Record<Which, string> = {
  ssps: 'ss -tunap; ps -eo pid,comm,args',
  si: 'systeminformation networkConnections()+processes() (node script)',
  telltale: 'telltale snapshot --json',
};

function rowsFor(runs: Record<Which, TimedRun[]>, load: string): BenchRow[] {
  const ms = (which: Which) => runs[which].map((run) => run.ms);
  const cpu = (which: Which) => median(runs[which].map((run) => run.cpuMs));
  const rss = (which: Which) => median(runs[which].map((run) => run.maxRssMb));
  const note = (which: Which) =>
    `${spread(ms(which))}; cpu ${cpu(which).toFixed(0)} ms, peak RSS ${rss(which).toFixed(0)} MB; ${load}`;
  return [
    { area: AREA, name: NAMES.ssps, value: median(ms('ssps')), unit: 'ms', note: note('ssps') },
    { area: AREA, name: NAMES.si, value: median(ms('si')), unit: 'ms', note: note('si') },
    {
      area: AREA,
      name: `${NAMES.telltale} (vs ss+ps)`,
      value: median(ms('telltale')),
      unit: 'ms',
      baseline: NAMES.ssps,
      baselineLabel: 'ss+ps',
      target: { max: 1.0, of: 'ratio' },
      note: note('telltale'),
    },
    {
      area: AREA,
      name: `${NAMES.telltale} (vs si)`,
      value: median(ms('telltale')),
      unit: 'ms',
      baseline: NAMES.si,
      baselineLabel: 'si',
      target: { max: 0.25, of: 'ratio' },
      note: 'same runs as the row above',
    },
    { area: AREA, name: `${NAMES.ssps} (CPU time)`, value: cpu('ssps'), unit: 'ms', note: 'user+sys of the whole command tree (/usr/bin/time)' },
    { area: AREA, name: `${NAMES.si} (CPU time)`, value: cpu('si'), unit: 'ms', note: 'including the ss/ps/netstat it runs' },
    {
      area: AREA,
      name: `${NAMES.telltale} (CPU time, vs ss+ps)`,
      value: cpu('telltale'),
      unit: 'ms',
      baseline: `${NAMES.ssps} (CPU time)`,
      baselineLabel: 'ss+ps CPU',
      target: { max: 1.0, of: 'ratio', proxy: true },
      note: 'CPU time: less sensitive to a busy machine than wall time',
    },
    {
      area: AREA,
      name: `${NAMES.telltale} (CPU time, vs si)`,
      value: cpu('telltale'),
      unit: 'ms',
      baseline: `${NAMES.si} (CPU time)`,
      baselineLabel: 'si CPU',
      target: { max: 0.25, of: 'ratio', proxy: true },
    },
  ];
}

export const snapshotBench: BenchModule = {
  area: AREA,
  async run(options: BenchOptions): Promise<BenchRow[]> {
    if (process.platform !== 'linux') return [];
    if (!distBuilt()) throw new Error('dist/ is not built: run `npm run build` first');
    if (!haveTime()) throw new Error('/usr/bin/time is missing (Debian package "time")');
    const holder = await startHolder(options.largeConnections);
    try {
      const load = `${machineLoad()} (${holder.sockets} sockets held by the load helper)`;
      const runs: Record<Which, TimedRun[]> = { telltale: [], ssps: [], si: [] };
      const order: Which[] = ['telltale', 'ssps', 'si'];
      // One untimed round warms the page cache and the CLI's module loading for everybody.
      for (const which of order) await runTimed(['bash', '-c', COMMANDS[which]], ROOT);
      for (let i = 0; i < options.processRuns; i++) {
        // Rotate the order so no command always runs right after the same other one.
        for (let j = 0; j < order.length; j++) {
          const which = order[(i + j) % order.length] as Which;
          runs[which].push(await runTimed(['bash', '-c', COMMANDS[which]], ROOT));
        }
      }
      return rowsFor(runs, load);
    } finally {
      await holder.stop();
    }
  },
};
