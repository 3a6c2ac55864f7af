/**
 * The Electronegativity gate: its scanner run over the app's sources and the built page, offline
 * (test/helpers/electronegativity-scan.ts), every finding either fixed or accepted with a reason in
 * test/electronegativity-accepted.json. No high or medium finding may be accepted (the window has
 * no preload, so not even the tool's review prompt for one remains); an accepted entry that no
 * finding matches any more fails too, so the file stays true.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/service/security-headers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scanner = fileURLToPath(new URL('../../helpers/electronegativity-scan.ts', import.meta.url));

interface Finding {
  id: string;
  file: string;
  line: number;
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  confidence: string;
  manualReview: boolean;
  description: string;
  sample: string;
}
interface Accepted {
  accepted: { id: string; file: string; reason: string }[];
  excludedChecks: { check: string; reason: string }[];
}

interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { directive: string; description: string; severity: number }[] };
  Version: { CSP3: unknown };
  severities: { SYNTAX: number };
}

const accepted = JSON.parse(readFileSync(join(root, 'test', 'electronegativity-accepted.json'), 'utf8')) as Accepted;
/** What is scanned: every source the app is built from, and the page as built (it carries the CSP meta tag). */
const SCANNED = ['package.json', 'main', 'renderer/src', 'common', 'contract', 'dist/renderer/index.html'];

type Scan = { checks: number; errors: { file: string; message: string }[]; findings: Finding[] };
let work: string;
let scan: Scan;
let planted: Scan;

async function runScan(folder: string): Promise<Scan> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', scanner, folder, ...accepted.excludedChecks.map((c) => c.check)], {
    cwd: root,
    timeout: 110_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  // The scanner may log before its result, which is the last line.
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Scan;
}

const matches = (f: Finding, a: { id: string; file: string }): boolean => f.id === a.id && f.file === a.file;

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) throw new Error('dist/renderer/index.html is missing: run `npm run build` first (npm test does).');
  // The scanner takes one folder and would walk node_modules too: it gets a copy of what matters.
  work = await mkdtemp(join(tmpdir(), 'telltale-electronegativity-'));
  for (const path of SCANNED) await cp(join(root, path), join(work, 'app', path), { recursive: true });
  // A window as it must never be made, to show the gate catches it.
  await mkdir(join(work, 'planted'));
  await writeFile(
    join(work, 'planted', 'window.js'),
    "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
  );
  [scan, planted] = await Promise.all([runScan(join(work, 'app')), runScan(join(work, 'planted'))]);
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('Electronegativity', () => {
  it('scans every file it is given', () => {
    expect(scan.checks).toBeGreaterThan(30);
    expect(scan.errors).toEqual([]);
  });

  it('finds nothing that is not fixed or accepted with a reason', () => {
    const count = (severity: Finding['severity']) => scan.findings.filter((f) => f.severity === severity).length;
    console.log(
      `Electronegativity: ${scan.findings.length} findings (high ${count('HIGH')}, medium ${count('MEDIUM')}, low ${count('LOW')}, ` +
        `informational ${count('INFORMATIONAL')}), ${scan.findings.filter((f) => accepted.accepted.some((a) => matches(f, a))).length} accepted`,
    );
    const open = scan.findings.filter((f) => !accepted.accepted.some((a) => matches(f, a)));
    expect(open).toEqual([]);
  });

  it('finds no high and no medium finding at all, accepted or not', () => {
    expect(scan.findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')).toEqual([]);
  });

  it('would catch a window without context isolation and unguarded navigation (the gate is effective)', () => {
    const high = planted.findings.filter((f) => f.severity === 'HIGH').map((f) => f.id);
    expect(high).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    expect(planted.findings.filter((f) => !accepted.accepted.some((a) => matches(f, a))).length).toBeGreaterThan(0);
  });

  it("leaves the CSP evaluator (behind CSP_GLOBAL_CHECK) only its caveat about 'self' scripts", () => {
    // The evaluator electronegativity runs, on the header the hosts send (the page's meta tag is the same minus header-only directives).
    const fromScanner = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json'));
    const { CspEvaluator, CspParser, Version, severities } = fromScanner('@doyensec/csp-evaluator') as CspEvaluatorModule;
    const findings = new CspEvaluator(new CspParser(CONTENT_SECURITY_POLICY).csp, Version.CSP3).evaluate();
    // Trusted Types postdate the evaluator: it calls their directives unknown (syntax findings, which do not count).
    const counted = findings.filter((f) => f.severity !== severities.SYNTAX).map((f) => `${f.directive}: ${f.description}`);
    expect(counted).toEqual(["script-src: 'self' can be problematic if you host JSONP, Angular or user uploaded files."]);
    expect(findings.filter((f) => f.severity === severities.SYNTAX).map((f) => f.directive)).toEqual(
      expect.arrayContaining(['require-trusted-types-for', 'trusted-types']),
    );
  });

  it('keeps the accepted list true: every entry has a reason and still matches a finding', () => {
    for (const entry of [...accepted.accepted, ...accepted.excludedChecks]) expect(entry.reason.length, JSON.stringify(entry)).toBeGreaterThan(40);
    const stale = accepted.accepted.filter((a) => !scan.findings.some((f) => matches(f, a)));
    expect(stale).toEqual([]);
  });
});
