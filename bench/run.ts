/**
 * Runs the benchmarks and prints, per benchmark, each number with its ratio to a baseline measured
 * in the same run and its target (met or not), then one markdown summary table for README and notes.
 *
 *   npm run bench                              every benchmark below, in order
 *   npm run bench -- snapshot serve help       a subset, by name
 *   npm run bench -- --quick                   shorter durations, fewer repetitions
 *   npm run bench -- --list                    names and what each measures
 *   npm run bench -- serve --serve-seconds 10 --large-conns 1000   (development)
 *   npm run bench -- --shared-netns            don't run in a network namespace of its own
 *
 * Add a benchmark: import it and add one entry to BENCHMARKS. `run` may return BenchRow[] (printed
 * and summarised) or anything else (the benchmark printed its own results).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { cmdlineBench } from './cmdline.js';
import { canIsolateNetwork, distBuilt, distStale, NETNS_ENV, rerunInOwnNetwork } from './proc.js';
import { connectionsBench } from './connections.js';
import { geoBench } from './geo.js';
import { historyBench } from './history.js';
import { helpBench } from './help.js';
import { sampleBench } from './sample.js';
import { serveBench } from './serve.js';
import { serveLoadBench } from './serve-load.js';
import { preciseBench } from './precise.js';
import { benchProcfsIncremental } from './procfs-incremental.js';
import { redactionBench } from './redaction.js';
import { reportI18nBench } from './report-i18n.js';
import { snapshotBench } from './snapshot.js';
import { targetMet, targetSubject, type BenchOptions, type BenchRow } from './types.js';
import { uiBench } from './ui.js';

export interface RegisteredBench {
  name: string;
  /** One line: what it measures against what. */
  about: string;
  /** Runs the built CLI from dist/ (so dist/ must be built from the current sources). */
  usesDist?: boolean;
  run(options: BenchOptions): Promise<unknown>;
}

/** Every benchmark, in the order of the default run. */
const BENCHMARKS: RegisteredBench[] = [
  { name: 'connections', about: 'procfs connection sampling vs systeminformation (200 connections)', run: (o) => connectionsBench.run(o) },
  { name: 'geo', about: 'offline geo data load and lookups', run: (o) => geoBench.run(o) },
  { name: 'ui', about: 'Connections view in Chromium, 10,000 vs 100 rows (skips without Chromium)', run: (o) => uiBench.run(o) },
  { name: 'snapshot', usesDist: true, about: 'whole `telltale snapshot --json` at ~10k sockets vs ss+ps and systeminformation', run: (o) => snapshotBench.run(o) },
  { name: 'sample', about: 'in-process steady-state sample, warm caches, ~10k sockets vs reading /proc/net', run: (o) => sampleBench.run(o) },
  { name: 'serve', usesDist: true, about: '`telltale serve --interval 2` CPU and RSS at ~1k and ~10k sockets vs idle node', run: (o) => serveBench.run(o) },
  { name: 'serve-load', about: 'browser host: 100 event-stream clients that never read, large deltas every 250 ms, vs 1 reading client (RSS, API)', run: (o) => serveLoadBench.run(o) },
  { name: 'help', usesDist: true, about: '`telltale --help` start-up vs `node -e 0`', run: (o) => helpBench.run(o) },
  { name: 'cmdline', about: 'sample time added by one process with a 128 KB command line', run: (o) => cmdlineBench.run(o) },
  { name: 'procfs', about: 'incremental /proc connection sampler at ~10k sockets: cold, steady, vs the old full scan', run: () => benchProcfsIncremental() },
  { name: 'precise', usesDist: true, about: 'precise capture (tracefs) vs polling: 1,000 connections of 20 ms at 50/s; the reader\'s CPU', run: (o) => preciseBench.run(o) },
  { name: 'history', about: 'history store: a simulated busy month (size, 24 h and 7 d Timeline queries), the write added to a sample', run: (o) => historyBench.run(o) },
  { name: 'report-i18n', about: 'text, Markdown and HTML reports of a realistic setup in en and zh-CN: the translator\'s cache vs i18next alone', run: (o) => reportI18nBench.run(o) },
  { name: 'redaction', about: 'redacting 64 KB to 1 MB adversarial strings and a 64 KB argv vs a plain scan of the same input', run: (o) => redactionBench.run(o) },
];

const USAGE = `usage: npm run bench -- [NAME...] [--quick] [--list]
       [--small-conns N] [--large-conns N] [--serve-seconds S] [--runs N] [--shared-netns]
names: ${BENCHMARKS.map((b) => b.name).join(', ')} (default: all)`;

function parseOptions(argv: string[]): { names: string[]; options: BenchOptions; list: boolean; sharedNetns: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      'small-conns': { type: 'string' },
      'large-conns': { type: 'string' },
      'serve-seconds': { type: 'string' },
      runs: { type: 'string' },
      'shared-netns': { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (flag: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} must be a positive integer, got "${text}"`);
    return n;
  };
  const quick = values.quick ?? false;
  const unknown = positionals.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}\n${USAGE}`);
  return {
    names: positionals,
    list: values.list ?? false,
    sharedNetns: values['shared-netns'] ?? false,
    options: {
      quick,
      smallConnections: count('small-conns', values['small-conns'], 500),
      largeConnections: count('large-conns', values['large-conns'], 5000),
      serveSeconds: count('serve-seconds', values['serve-seconds'], quick ? 15 : 60),
      processRuns: count('runs', values.runs, quick ? 3 : 5),
    },
  };
}

function isRow(value: unknown): value is BenchRow {
  const row = value as BenchRow | null;
  return typeof row === 'object' && row !== null && typeof row.area === 'string' && typeof row.name === 'string' && typeof row.value === 'number';
}

function format(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
}

const baseOf = (row: BenchRow, rows: readonly BenchRow[]) =>
  row.baseline === undefined ? undefined : rows.find((other) => other.area === row.area && other.name === row.baseline);

/** "0.42x ss+ps (310 ms)" (value / baseline), or a difference; "baseline" for rows others compare with. */
function ratioText(row: BenchRow, rows: readonly BenchRow[]): string {
  const base = baseOf(row, rows);
  if (!base) return rows.some((other) => other.area === row.area && other.baseline === row.name) ? 'baseline' : '';
  const label = row.baselineLabel ?? base.name;
  if (row.compare === 'difference') {
    const diff = row.value - base.value;
    return `${diff >= 0 ? '+' : ''}${format(diff)} ${row.unit} vs ${label} (${format(base.value)} ${base.unit})`;
  }
  if (!(Math.abs(base.value) > 1e-9) || !Number.isFinite(row.value)) return `n/a (${label} ${format(base.value)} ${base.unit})`;
  const ratio = row.value / base.value;
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}x ${label} (${format(base.value)} ${base.unit})`;
}

function targetText(row: BenchRow): string {
  if (!row.target) return '';
  const op = row.target.strict ? '<' : '<=';
  return row.target.of === 'ratio' ? `${op} ${row.target.max}x ${row.baselineLabel ?? 'baseline'}` : `${op} ${row.target.max} ${row.unit}`;
}

function metText(row: BenchRow, rows: readonly BenchRow[]): string {
  const met = targetMet(row, baseOf(row, rows)?.value);
  if (met === null) return row.target ? 'n/a' : '';
  const subject = targetSubject(row, baseOf(row, rows)?.value);
  const shown = row.target?.of === 'ratio' ? ` (${subject.toFixed(2)}x)` : '';
  return `${met ? 'yes' : 'NO'}${shown}`;
}

const HEAD = ['benchmark', 'measure', 'value', 'vs baseline (same run)', 'target', 'met', 'note'];

function cells(row: BenchRow, rows: readonly BenchRow[]): string[] {
  return [row.area, row.name, `${format(row.value)} ${row.unit}`, ratioText(row, rows), targetText(row), metText(row, rows), row.note ?? ''];
}

function printPlain(rows: readonly BenchRow[]): void {
  const table = rows.map((row) => cells(row, rows).slice(1));
  const head = HEAD.slice(1);
  const widths = head.map((title, i) => Math.max(title.length, ...table.map((c) => (c[i] as string).length)));
  // The note is last and may be long: never padded.
  for (const c of [head, ...table]) console.log(c.map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i] as number))).join('  ').trimEnd());
}

function printMarkdown(rows: readonly BenchRow[]): void {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  console.log(`| ${HEAD.join(' | ')} |`);
  console.log(`|${HEAD.map(() => ' --- ').join('|')}|`);
  for (const row of rows) console.log(`| ${cells(row, rows).map(escape).join(' | ')} |`);
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const { names, options, list, sharedNetns } = parsed;
  if (list) {
    for (const bench of BENCHMARKS) console.log(`${bench.name.padEnd(12)} ${bench.about}`);
    return;
  }
  // Other work on the machine may hold thousands of sockets of its own; in a network namespace of
  // our own the socket tables hold exactly the load the benchmarks create.
  const isolated = process.env[NETNS_ENV] === '1';
  if (!isolated && !sharedNetns && canIsolateNetwork()) {
    process.exitCode = await rerunInOwnNetwork(process.argv.slice(2));
    return;
  }
  const chosen = names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;
  const started = new Date();
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(
    `Telltale benchmarks, ${started.toISOString()}; node ${process.version}, ${os.cpus().length} cores, ${os.platform()} ${os.release()}; ` +
      `load average ${load()}${options.quick ? '; --quick' : ''}`,
  );
  console.log(
    isolated
      ? 'network: a namespace of its own (unshare --net), so the socket tables hold only the load created here; processes are the whole machine\'s'
      : 'network: the machine\'s own namespace (--shared-netns, or no root/unshare/ip): other work\'s sockets count too',
  );
  console.log(
    `sizes: ~1k sockets = ${options.smallConnections} connections, ~10k = ${options.largeConnections} connections (2 sockets each); ` +
      `serve watched ${options.serveSeconds} s; whole-process timings x${options.processRuns}`,
  );

  if (chosen.some((b) => b.usesDist)) {
    if (!distBuilt()) console.log('WARNING: dist/ is not built; run `npm run build` (snapshot, serve and help run the built CLI)');
    else if (distStale()) console.log('WARNING: main/ or contract/ changed after dist/ was built; run `npm run build` first, or snapshot/serve/help measure old code');
  }

  const all: BenchRow[] = [];
  const failed: string[] = [];
  for (const bench of chosen) {
    console.log(`\n## ${bench.name}: ${bench.about}`);
    const benchStarted = performance.now();
    try {
      const result = await bench.run(options);
      const rows = Array.isArray(result) ? result.filter(isRow) : [];
      if (rows.length) printPlain(rows);
      else if (!Array.isArray(result)) console.log('(results printed by the benchmark)');
      else console.log('(no rows: skipped on this platform)');
      all.push(...rows);
    } catch (error) {
      failed.push(bench.name);
      console.error(`bench ${bench.name} failed:`, error);
      process.exitCode = 1;
    }
    console.log(`(${((performance.now() - benchStarted) / 1000).toFixed(0)} s)`);
  }

  const count = (proxy: boolean) => {
    const targets = all.filter((row) => row.target && (row.target.proxy ?? false) === proxy);
    const met = targets.filter((row) => targetMet(row, baseOf(row, all)?.value) === true).length;
    return `${met} of ${targets.length}`;
  };
  console.log(`\n## Summary (${chosen.map((b) => b.name).join(', ')}; load average at the end ${load()})\n`);
  printMarkdown(all);
  console.log(
    `\nTargets met: ${count(false)} as specified (wall clock); ${count(true)} of the same targets on CPU time (a proxy).` +
      `${failed.length ? ` Failed to run: ${failed.join(', ')}.` : ''}\n` +
      `Ratios are value / baseline, both measured in this run. The machine may be shared: wall times then carry the others' load.`,
  );
}

await main();
