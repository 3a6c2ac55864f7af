import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeReport } from '../../contract/snapshot.js';
import { loadProbeReports, runProbe } from '../../main/probe/cli.js';

const tools = fileURLToPath(new URL('../fixtures/fake-tools/', import.meta.url));
let stateDir: string;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'telltale-probe-state-'));
});
afterAll(async () => rm(stateDir, { recursive: true, force: true }));

async function probe(tool: string, extra: string[] = []): Promise<{ code: number; report: ProbeReport; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (c: Buffer) => (stdout += c.toString()));
  const err = new PassThrough().on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await runProbe(
    ['--json', '--state-dir', stateDir, '--timeout', '20', ...extra, '--', process.execPath, path.join(tools, tool)],
    { stdout: out, stderr: err },
  );
  return { code, report: ProbeReport.parse(JSON.parse(stdout)), stderr };
}

const factor = (report: ProbeReport, name: string) => report.factors.find((f) => f.factor === name);
const variant = (report: ProbeReport, name: string, value: string) => factor(report, name)?.variants.find((v) => v.value === value);

describe('telltale probe', () => {
  it('catches the covert tool: date format by time zone, look-alike apostrophes by base-URL host', async () => {
    const { code, report } = await probe('covert-tool.mjs', ['--hosts', 'api.kimi.com']);
    expect(code).toBe(0);
    expect(report.noise).toEqual(expect.arrayContaining(['#1 header:x-request-id', '#1 body.metadata.user_id']));

    const shanghai = variant(report, 'timezone', 'Asia/Shanghai');
    expect(shanghai?.changed).toBe(true);
    expect(shanghai?.changes[0]).toMatchObject({ kind: 'format', baseline: '2026-11-24', variant: '2026/11/24', location: '#1 body.system[0].text' });
    expect(shanghai?.disclosure).toMatch(/China \(Asia\/Shanghai\)/);
    expect(variant(report, 'timezone', 'Asia/Urumqi')?.changed).toBe(true);
    expect(variant(report, 'timezone', 'Europe/Berlin')?.changed).toBe(false);
    expect(variant(report, 'timezone', 'Europe/Berlin')?.disclosure).toBeNull();

    const alibaba = variant(report, 'base-url', 'dashscope.aliyuncs.com');
    expect(alibaba?.changes[0]?.kind).toBe('confusable');
    expect(alibaba?.changes[0]?.codePoints).toContainEqual({ char: '\u02bc', codePoint: 'U+02BC', name: 'MODIFIER LETTER APOSTROPHE' });
    const moonshot = variant(report, 'base-url', 'api.moonshot.cn');
    expect(moonshot?.changes[0]?.codePoints.map((c) => c.codePoint)).toContain('U+2019');
    expect(moonshot?.disclosure).toMatch(/Chinese AI lab \(api\.moonshot\.cn, Moonshot AI\)/);
    expect(variant(report, 'base-url', 'api.kimi.com')?.disclosure).toMatch(/Moonshot AI/);
    expect(variant(report, 'base-url', 'api.example.com')?.changes[0]?.codePoints.map((c) => c.codePoint)).toContain('U+02B9');
    // The host header differs in every base-url variant but only echoes the factor: never reported.
    expect(factor(report, 'base-url')?.variants.flatMap((v) => v.changes).some((c) => c.location.includes('header:host'))).toBe(false);

    expect(factor(report, 'locale')?.changed).toBe(false);
    expect(factor(report, 'proxy')?.changed).toBe(false);
    expect(report.summary).toMatch(/Covert channels: timezone \(format\); base-url \(confusable\)/);

    const saved = await loadProbeReports(stateDir);
    expect(saved.some((r) => r.startedAt === report.startedAt)).toBe(true);
  });

  it('finds no environment-dependent change in the clean tool and recognises its noise', async () => {
    const { code, report } = await probe('clean-tool.mjs');
    expect(code).toBe(0);
    expect(report.factors.map((f) => f.factor)).toEqual(['timezone', 'locale', 'proxy', 'base-url']);
    for (const f of report.factors) {
      for (const v of f.variants) {
        expect(v.changes, `${f.factor} ${v.value}`).toEqual([]);
        expect(v.runs).toBe(2);
        expect(v.error).toBeUndefined();
      }
    }
    expect(report.noise).toEqual(expect.arrayContaining(['#1 body.system[0].text', '#1 header:x-sent-at']));
    expect(report.requestsCaptured).toBeGreaterThan(0);
    expect(report.summary).toMatch(/did not depend on the environment/);
  });

  it('prints a readable report with look-alikes made visible', async () => {
    let stdout = '';
    const out = new PassThrough().on('data', (c: Buffer) => (stdout += c.toString()));
    const code = await runProbe(
      ['--factor', 'base-url', '--state-dir', stateDir, '--', process.execPath, path.join(tools, 'covert-tool.mjs')],
      { stdout: out, stderr: new PassThrough() },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Today«⟦U+02BC⟧»s');
    expect(stdout).toContain('U+02BC MODIFIER LETTER APOSTROPHE');
  });

  it('fails clearly when the tool never reaches the tap', async () => {
    let stderr = '';
    let stdout = '';
    const code = await runProbe(['--factor', 'proxy', '--state-dir', stateDir, '--', process.execPath, '-e', 'process.exit(3)'], {
      stdout: new PassThrough().on('data', (c: Buffer) => (stdout += c.toString())),
      stderr: new PassThrough().on('data', (c: Buffer) => (stderr += c.toString())),
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/sent no request to the tap.*exited with code 3/);
    expect(stderr).toMatch(/report saved/);
  });

  it('kills a run that outlives its timeout', async () => {
    let stdout = '';
    const code = await runProbe(
      ['--factor', 'proxy', '--timeout', '0.5', '--state-dir', stateDir, '--', process.execPath, '-e', 'setInterval(() => {}, 1000)'],
      { stdout: new PassThrough().on('data', (c: Buffer) => (stdout += c.toString())), stderr: new PassThrough() },
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/timed out after 0.5 s/);
  });
});
