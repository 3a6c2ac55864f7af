/**
 * Redaction speed on adversarial command lines (64 KB, 128 KB, 1 MB): milliseconds per MB of input
 * for redactText, against a baseline measured in the same run on the same string (JSON.stringify,
 * one linear pass that copies it). Linear redaction keeps the ratio flat as the size grows; the
 * old regexes grew with the square of the length (a 64 KB Gradle command line took 25 s).
 * Run alone: npm run bench -- redaction
 */
import { redactText } from '../main/core/secrets/policy.js';
import { median, type BenchModule, type BenchRow } from './types.js';

const SIZES: ReadonlyArray<[string, number]> = [
  ['64 KB', 64 * 1024],
  ['128 KB', 128 * 1024],
  ['1 MB', 1024 * 1024],
];

/** A run of `unit` about `size` characters long. */
const run = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Command lines that made the old rules backtrack from every position, each with a secret to find. */
export function adversarialLines(size: number): Record<string, string> {
  return {
    'gradle classpath': `java -Dhttps.proxyPassword=pw -cp ${run('/home/u/.gradle/caches/lib-1.2.3.jar:', size)} org.gradle.Main`,
    'one long word': `node ${run('a', size)} --token t0k`,
    'a:': run('a:', size),
    'a@': run('a@', size),
    '--x ': run('--x ', size),
    'key=': run('key=', size),
    '://': run('://', size),
    'proxy password': `HTTPS_PROXY=http://user:${run('p@/', size)}@proxy:8080`,
  };
}

/** Milliseconds per MB of `text` for `fn`: the median of a few runs. */
function msPerMb(fn: (text: string) => unknown, text: string): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    fn(text);
    times.push(performance.now() - started);
  }
  return median(times) / (text.length / (1024 * 1024));
}

export const redactionBench: BenchModule = {
  area: 'redaction',
  async run(): Promise<BenchRow[]> {
    // Warm up the JIT on every rule, so the first size measured is not the slowest.
    for (const text of Object.values(adversarialLines(16 * 1024))) redactText(text);
    const rows: BenchRow[] = [];
    for (const [label, size] of SIZES) {
      const baseline = `JSON.stringify, ${label}`;
      const lines = Object.entries(adversarialLines(size));
      const all = lines.map(([, text]) => text);
      rows.push({ area: 'redaction', name: baseline, value: median(all.map((text) => msPerMb(JSON.stringify, text))), unit: 'ms', note: 'per MB' });
      for (const [name, text] of lines) {
        rows.push({ area: 'redaction', name: `redactText ${name}, ${label}`, value: msPerMb(redactText, text), unit: 'ms', baseline, note: 'per MB' });
      }
    }
    return rows;
  },
};
