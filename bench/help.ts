/**
 * Issue 8: start-up of the CLI, `telltale --help` (loads the launcher and the CLI module graph,
 * samples nothing), against a bare `node -e 0` in the same run. Median of 10 each, interleaved.
 * Target: < 150 ms.
 */
import { distBuilt, runTimed, TELLTALE, type TimedRun } from './proc.js';
import { median, spread, type BenchModule, type BenchRow } from './types.js';

const AREA = 'help';
const RUNS = 10;

export const helpBench: BenchModule = {
  area: AREA,
  async run(): Promise<BenchRow[]> {
    if (!distBuilt()) throw new Error('dist/ is not built: run `npm run build` first');
    const bare = [process.execPath, '-e', '0'];
    const help = [process.execPath, TELLTALE, '--help'];
    // Warm the page cache for both.
    await runTimed(bare);
    await runTimed(help);
    const bareRuns: TimedRun[] = [];
    const helpRuns: TimedRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      bareRuns.push(await runTimed(bare));
      helpRuns.push(await runTimed(help));
    }
    const ms = (runs: TimedRun[]) => runs.map((run) => run.ms);
    const cpu = (runs: TimedRun[]) => runs.map((run) => run.cpuMs);
    const rss = (runs: TimedRun[]) => median(runs.map((run) => run.maxRssMb)).toFixed(0);
    return [
      { area: AREA, name: 'node -e 0', value: median(ms(bareRuns)), unit: 'ms', note: `${spread(ms(bareRuns))}; peak RSS ${rss(bareRuns)} MB` },
      {
        area: AREA,
        name: 'telltale --help',
        value: median(ms(helpRuns)),
        unit: 'ms',
        baseline: 'node -e 0',
        baselineLabel: 'node -e 0',
        target: { max: 150, of: 'value', strict: true },
        note: `${spread(ms(helpRuns))}; peak RSS ${rss(helpRuns)} MB; node bin/telltale.js --help`,
      },
      { area: AREA, name: 'node -e 0 (CPU time)', value: median(cpu(bareRuns)), unit: 'ms', note: 'user+sys (/usr/bin/time), all threads' },
      {
        area: AREA,
        name: 'telltale --help (CPU time)',
        value: median(cpu(helpRuns)),
        unit: 'ms',
        baseline: 'node -e 0 (CPU time)',
        baselineLabel: 'node -e 0 CPU',
        target: { max: 150, of: 'value', strict: true, proxy: true },
        note: 'CPU time: less sensitive to a busy machine than wall time',
      },
    ];
  },
};
