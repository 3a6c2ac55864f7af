/**
 * Runs Electronegativity's scanner over one folder and prints its findings as JSON on stdout
 * (`node --import tsx electronegativity-scan.ts FOLDER CHECK_TO_EXCLUDE...`). A child process of
 * its own, because the scanner registers globals and calls process.exit on a bad check name.
 *
 * Offline: its CLI fetches translations over HTTPS before every scan (a 1 s attempt, then the
 * bundled English ones), so here `got`, the HTTP client it uses for that, is replaced by one that
 * refuses at once, and the scan goes through its programmatic entry point.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview?: boolean;
  description: string;
  sample?: string;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}
type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

const [input, ...excluded] = process.argv.slice(2);
if (!input) throw new Error('Usage: electronegativity-scan.ts FOLDER [CHECK_TO_EXCLUDE...]');

const require = createRequire(import.meta.url);
const home = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const got = createRequire(join(home, 'dist', 'locales', 'i18n.js')).resolve('got');
const offline = () => Promise.reject(new Error('no network in this scan'));
require.cache[got] = { id: got, filename: got, loaded: true, exports: offline } as unknown as NodeJS.Module;
const run = require(join(home, 'dist', 'runner.js')) as Run;

const result = await run({ input: resolve(input), isRelative: true, customScan: [], excludeFromScan: excluded, parserPlugins: [] }, false);
console.log(
  JSON.stringify({
    checks: result.globalChecks + result.atomicChecks,
    errors: result.errors,
    findings: result.issues.map((i) => ({
      id: i.id,
      file: i.file,
      line: i.location.line,
      severity: i.severity.name,
      confidence: i.confidence.name,
      manualReview: i.manualReview === true,
      description: i.description,
      sample: (i.sample ?? '').slice(0, 200),
    })),
  }),
);
