/**
 * Redaction speed on adversarial inputs (64 KB, 128 KB, 1 MB strings; a 64 KB argv): milliseconds
 * per MB for the secrets policy, against a plain scan of the same input (one pass reading every
 * character) measured in the same run. Linear redaction keeps both the ratio to the scan and the
 * per-MB time flat as the size grows (the "1 MB vs 128 KB" rows: ~1 when linear, 8 when quadratic);
 * the old regexes grew with the square of the length (a 64 KB Gradle command line took 25 s).
 * Run alone: npm run bench -- redaction
 */
import { redactDeep, redactText } from '../main/core/secrets/policy.js';
import { padding } from './cmdline.js';
import { median, type BenchModule, type BenchRow } from './types.js';

const AREA = 'redaction';
const KB = 1024;
const SIZES: ReadonlyArray<[string, number]> = [
  ['64 KB', 64 * KB],
  ['128 KB', 128 * KB],
  ['1 MB', 1024 * KB],
];

/** A run of `unit` about `size` characters long. */
const run = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Inputs that make a backtracking rule restart at every position, each with a secret to find. */
export function adversarialLines(size: number): Record<string, string> {
  return {
    'gradle classpath': `java -Dhttps.proxyPassword=pw -cp ${run('/home/u/.gradle/caches/lib-1.2.3.jar:', size)} org.gradle.Main`,
    'one long word': `node ${run('a', size)} --token t0k`,
    'a:': run('a:', size),
    'a@': run('a@', size),
    '--x ': run('--x ', size),
    'key=': run('key=', size),
    '://': run('://', size),
    'x://a': run('x://a', size),
    'set --x ': run('set --x ', size),
    'sk-ant-': run('sk-ant-', size),
    'webhook path': `https://hooks.example.com/services/${run('T01a/', size)}`,
    'proxy password': `HTTPS_PROXY=http://user:${run('p@/#', size)}@proxy:8080`,
  };
}

/** The linear baseline: one pass reading every character of the input. */
function plainScan(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return hash;
}

/** Milliseconds per MB of `chars` for `fn`: the median of a few runs. */
function msPerMb(fn: () => unknown, chars: number): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return median(times) / (chars / (1024 * KB));
}

function argvRows(): BenchRow[] {
  const argv = [...padding(['java'], 64 * KB), '--api-key', 'k3y-in-a-64k-argv'];
  const joined = argv.join(' ');
  const baseline = 'plain scan, 64 KB argv';
  return [
    { area: AREA, name: baseline, value: msPerMb(() => plainScan(joined), joined.length), unit: 'ms', note: `per MB; ${argv.length} arguments` },
    // The probe's report: the argv as a list, each argument through the policy.
    { area: AREA, name: 'redactDeep of a 64 KB argv (list)', value: msPerMb(() => redactDeep(argv), joined.length), unit: 'ms', baseline, note: 'per MB' },
    // A sampled process: /proc's command line as one string.
    { area: AREA, name: 'redactText of a 64 KB command line', value: msPerMb(() => redactText(joined), joined.length), unit: 'ms', baseline, note: 'per MB' },
  ];
}

export const redactionBench: BenchModule = {
  area: AREA,
  async run(): Promise<BenchRow[]> {
    // Warm up the JIT on every rule, so the first size measured is not the slowest.
    for (const text of Object.values(adversarialLines(16 * KB))) redactText(text);
    const rows: BenchRow[] = [];
    const perMb = new Map<string, number>();
    for (const [label, size] of SIZES) {
      const baseline = `plain scan, ${label}`;
      const lines = Object.entries(adversarialLines(size));
      rows.push({ area: AREA, name: baseline, value: median(lines.map(([, text]) => msPerMb(() => plainScan(text), text.length))), unit: 'ms', note: 'per MB' });
      for (const [name, text] of lines) {
        const value = msPerMb(() => redactText(text), text.length);
        perMb.set(`${name}@${label}`, value);
        rows.push({ area: AREA, name: `redactText ${name}, ${label}`, value, unit: 'ms', baseline, note: 'per MB' });
      }
    }
    for (const name of Object.keys(adversarialLines(KB))) {
      // 128 KB, not 64 KB: a 64 KB run takes a few milliseconds, too few to time on a shared machine.
      const small = perMb.get(`${name}@128 KB`) ?? Number.NaN;
      const large = perMb.get(`${name}@1 MB`) ?? Number.NaN;
      rows.push({
        area: AREA,
        name: `redactText ${name}: per-MB time, 1 MB vs 128 KB`,
        value: large / small,
        unit: 'x',
        target: { max: 4, of: 'value' },
        note: '~1 when linear, ~8 when quadratic',
      });
    }
    rows.push(...argvRows());
    return rows;
  },
};
