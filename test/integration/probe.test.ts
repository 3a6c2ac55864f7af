import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeReport } from '../../contract/snapshot.js';
import { loadProbeReports, runProbe } from '../../main/probe/cli.js';
import { startIsolation } from '../../main/probe/isolation.js';

const tools = fileURLToPath(new URL('../fixtures/fake-tools/', import.meta.url));
let stateDir: string;
/**
 * Whether this machine can give each run its own network namespace (unprivileged user namespaces
 * and iproute2). Where it cannot, the fake tools (which talk only to the tap) run with
 * --no-isolation, and the test that checks the isolation itself is skipped with the reason.
 */
let isolation: { ok: true } | { ok: false; reason: string };

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'telltale-probe-state-'));
  const started = await startIsolation(stateDir, [], process.env.PATH ?? '');
  if (started.ok) await started.isolation.close();
  isolation = started.ok ? { ok: true } : { ok: false, reason: started.reason };
  if (!isolation.ok) console.warn(`probe tests run with --no-isolation: ${isolation.reason}`);
});
afterAll(async () => rm(stateDir, { recursive: true, force: true }));

async function probe(tool: string, extra: string[] = [], toolArgs: string[] = []): Promise<{ code: number; report: ProbeReport; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (c: Buffer) => (stdout += c.toString()));
  const err = new PassThrough().on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await runProbe(
    [
      '--json', '--state-dir', stateDir, '--timeout', '20',
      ...(isolation.ok || extra.includes('--no-isolation') ? [] : ['--no-isolation']),
      ...extra, '--', process.execPath, path.join(tools, tool), ...toolArgs,
    ],
    { stdout: out, stderr: err },
  );
  return { code, report: ProbeReport.parse(JSON.parse(stdout)), stderr };
}

/** The requests a probe run with --keep-captures recorded (the kept dir is named on stderr), then the dir removed. */
async function keptCaptures(stderr: string): Promise<Array<{ method: string; path: string; targetHost: string; headers: Record<string, string> }>> {
  const dir = /kept in (\S+)/.exec(stderr)?.[1];
  if (!dir) throw new Error(`no kept dir in: ${stderr}`);
  const captures = path.join(dir, 'captures');
  const records = await Promise.all((await readdir(captures)).map(async (f) => JSON.parse(await readFile(path.join(captures, f), 'utf8'))));
  await rm(dir, { recursive: true, force: true });
  return records;
}

const factor = (report: ProbeReport, name: string) => report.factors.find((f) => f.factor === name);
const variant = (report: ProbeReport, name: string, value: string) => factor(report, name)?.variants.find((v) => v.value === value);

// Each full probe runs a fake tool dozens of times (one network namespace each): minutes on a busy machine.
describe('telltale probe', { timeout: 180_000 }, () => {
  it('catches the covert tool: date format by time zone, look-alike apostrophes by base-URL host', async () => {
    // 10:00 UTC: every default zone is on the same date as UTC, so only the separator differs.
    const { code, report } = await probe('covert-tool.mjs', ['--hosts', 'api.kimi.com'], ['--now', '2026-11-24T10:00:00Z']);
    expect(code).toBe(0);
    expect(report.noise).toEqual(expect.arrayContaining(['POST /v1/messages header:x-request-id', 'POST /v1/messages body.metadata.user_id']));

    const shanghai = variant(report, 'timezone', 'Asia/Shanghai');
    expect(shanghai?.changed).toBe(true);
    expect(shanghai?.changes[0]).toMatchObject({ kind: 'format', baseline: '2026-11-24', variant: '2026/11/24', location: 'POST /v1/messages body.system[0].text' });
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

  it('tells the covert date format from the overt local date when the Shanghai date is a day ahead of UTC', async () => {
    // 20:00 UTC on the 29th: the 30th in Shanghai, Urumqi (UTC+6) and Tokyo; still the 29th in Berlin and New York.
    const { code, report } = await probe('covert-tool.mjs', ['--factor', 'timezone'], ['--now', '2026-11-29T20:00:00Z']);
    expect(code).toBe(0);
    const shanghai = variant(report, 'timezone', 'Asia/Shanghai');
    const inSystemPrompt = (changes: ProbeReport['factors'][number]['variants'][number]['changes'] = []) =>
      changes.filter((c) => c.location === 'POST /v1/messages body.system[0].text');
    expect(inSystemPrompt(shanghai?.changes).map((c) => [c.kind, c.baseline, c.variant])).toEqual([
      ['format', '2026-11-29', '2026/11/30'],
      ['offset', '2026-11-29', '2026/11/30'],
    ]);
    expect(shanghai?.disclosure).toMatch(/China \(Asia\/Shanghai\), hidden in format changes/);
    const tokyo = variant(report, 'timezone', 'Asia/Tokyo');
    expect(inSystemPrompt(tokyo?.changes).map((c) => c.kind)).toEqual(['offset']);
    expect(tokyo?.changes.every((c) => c.kind === 'offset')).toBe(true);
    // The offset alone names no country: UTC+09:00 is not only Japan.
    expect(tokyo?.disclosure).toMatch(/your UTC offset/);
    expect(tokyo?.disclosure).not.toMatch(/Japan/);
    expect(variant(report, 'timezone', 'Europe/Berlin')?.changed).toBe(false);
    expect(variant(report, 'timezone', 'America/New_York')?.changed).toBe(false);
  });

  it('tells what the tool does for any custom host from what singles out a Chinese host', async () => {
    const { code, report } = await probe('custom-host-tool.mjs', ['--factor', 'base-url', '--hosts', 'api.example.org']);
    expect(code).toBe(0);
    const customHost = [
      { kind: 'text', location: 'POST /v1/messages header:anthropic-beta', baseline: ',web-search-2025-03-05', variant: '' },
      { kind: 'text', location: 'POST /v1/messages body.tools[name="WebSearch"]', variant: '' },
    ];

    // The neutral host's variant shows the custom-host behaviour as its own changes.
    const example = variant(report, 'base-url', 'api.example.com');
    expect(example?.changed).toBe(true);
    expect(example?.changes).toEqual(expect.arrayContaining(customHost.map((c) => expect.objectContaining(c))));
    expect(example?.changes.every((c) => c.kind === 'text')).toBe(true);
    expect(example?.comparedWith).toBeUndefined();
    expect(example?.disclosure).toMatch(/custom host \(api\.example\.com\), openly/);

    // A Chinese lab's host, compared with the neutral host directly: only the look-alike apostrophe.
    const moonshot = variant(report, 'base-url', 'api.moonshot.cn');
    expect(moonshot?.changed).toBe(true);
    expect(moonshot?.comparedWith).toBe('api.example.com');
    expect(moonshot?.changes.length).toBeGreaterThan(0);
    for (const c of moonshot?.changes ?? []) {
      expect(c).toMatchObject({ kind: 'confusable', location: expect.stringContaining('body.system[0].text') });
      expect(c.codePoints.map((p) => p.codePoint)).toContain('U+02BC');
    }
    expect(moonshot?.disclosure).toMatch(/Chinese AI lab \(api\.moonshot\.cn, Moonshot AI\), hidden in confusable changes/);

    // Another custom host: nothing beyond the neutral host, so the tool does not tell it apart.
    const other = variant(report, 'base-url', 'api.example.org');
    expect(other?.changes).toEqual([]);
    expect(other?.changed).toBe(false);
    expect(other?.disclosure).toMatch(/treats api\.example\.org like any custom host/);

    expect(report.summary).toMatch(/Covert channels: base-url \(confusable\)/);
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
    expect(report.noise).toEqual(expect.arrayContaining(['POST /v1/messages body.system[0].text', 'POST /v1/messages header:x-sent-at']));
    expect(report.requestsCaptured).toBeGreaterThan(0);
    expect(report.summary).toMatch(/did not depend on the environment/);
  });

  it('copes with a tool that sends several kinds of request in racing order and caches a verdict in HOME', async () => {
    const { code, report, stderr } = await probe('chatty-tool.mjs', [
      '--timezones',
      'Asia/Shanghai,Europe/Berlin',
      '--locales',
      'zh_CN.UTF-8',
      '--keep-captures',
    ]);
    expect(code).toBe(0);
    for (const f of report.factors) for (const v of f.variants) expect(v.error, `${f.factor} ${v.value}`).toBeUndefined();
    // A fresh HOME per run: the verdict cached on first start cannot leak from the baseline.
    expect(variant(report, 'timezone', 'Asia/Shanghai')?.changes).toEqual([
      expect.objectContaining({ kind: 'format', location: 'POST /v1/messages body.system[0].text', variant: '2026/11/24' }),
    ]);
    expect(variant(report, 'timezone', 'Europe/Berlin')?.changed).toBe(false);
    // The warm-up skipped under a proxy is one change, not a shift of every later request.
    expect(variant(report, 'proxy', 'HTTPS_PROXY/HTTP_PROXY set')?.changes).toEqual([
      expect.objectContaining({ location: 'requests: HEAD /', baseline: '1', variant: '0' }),
    ]);
    expect(factor(report, 'locale')?.changed).toBe(false);
    expect(factor(report, 'base-url')?.changed).toBe(false);
    expect(report.noise).toEqual(
      expect.arrayContaining(['requests: POST /api/event_logging/batch (how many)', 'POST /v1/messages body.metadata.user_id']),
    );
    const captured = await keptCaptures(stderr);
    expect(captured.length).toBe(report.requestsCaptured);
    // Each run had its own network with loopback alone (where the machine allows isolation).
    if (isolation.ok) expect(new Set(captured.map((r) => r.headers['x-network-interfaces']))).toEqual(new Set(['lo']));
  });

  it('probes an OpenAI Responses client that takes its base URL as a flag', async () => {
    const { code, report, stderr } = await probe(
      'responses-tool.mjs',
      ['--factor', 'timezone,base-url', '--timezones', 'Asia/Shanghai', '--keep-captures'],
      ['--base-url', '{{OPENAI_BASE_URL}}'],
    );
    expect(code).toBe(0);
    for (const f of report.factors) {
      for (const v of f.variants) {
        expect(v.error, `${f.factor} ${v.value}`).toBeUndefined();
        expect(v.changes, `${f.factor} ${v.value}`).toEqual([]);
      }
    }
    expect(report.noise).toEqual(expect.arrayContaining(['POST /v1/responses body.instructions', 'POST /v1/responses body.prompt_cache_key']));
    const captured = await keptCaptures(stderr);
    expect(captured.some((r) => r.targetHost === 'api.moonshot.cn' && r.path === '/v1/responses')).toBe(true);
    expect(captured.some((r) => r.targetHost === '127.0.0.1' && r.path === '/v1/responses')).toBe(true);
  });

  it('records the TCP connections each run attempted where precise capture runs, or says why not', async () => {
    const { code, report } = await probe('covert-tool.mjs', ['--factor', 'timezone', '--runs', '2']);
    expect(code).toBe(0);
    if (report.attemptsUnavailable !== undefined) {
      console.warn(`probe attempts not recorded here: ${report.attemptsUnavailable}`);
      expect(report.attempts).toBeUndefined();
      return;
    }
    const groups = new Set(report.factors.flatMap((f) => f.variants.map((v) => `timezone=${v.value}`)));
    expect(report.attempts!.length).toBeGreaterThanOrEqual(2 * groups.size); // baseline and each variant, two runs each
    for (const run of report.attempts!) {
      // The tool reached the tap on loopback (through the namespace's relay, or directly without isolation).
      expect(run.attempts.some((a) => a.remoteAddress === '127.0.0.1' && a.outcome === 'established')).toBe(true);
      expect(run.attempts.every((a) => a.pid !== process.pid)).toBe(true);
    }
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
    expect(stdout).toMatch(/no model-API request in the baseline runs \(0 other.*exited with code 3/);
    expect(stderr).toMatch(/report saved/);
  });

  it('stops after the baselines when a tool that is not signed in sends only telemetry, with its own output', async () => {
    let stdout = '';
    const code = await runProbe(
      ['--json', '--factor', 'timezone', '--no-isolation', '--state-dir', stateDir, '--', process.execPath, path.join(tools, 'not-logged-in-tool.mjs')],
      { stdout: new PassThrough().on('data', (c: Buffer) => (stdout += c.toString())), stderr: new PassThrough() },
    );
    expect(code).toBe(1);
    const report = ProbeReport.parse(JSON.parse(stdout));
    expect(report.error).toMatch(/no model-API request in the baseline runs \(\d+ other request\(s\) captured/);
    expect(report.error).toMatch(/stdout: Not logged in/);
    expect(report.error).toMatch(/The variants were not run/);
    // Only the baseline ran: the capture holds its telemetry alone.
    expect(report.factors).toEqual([]);
    expect(report.requestsCaptured).toBeLessThanOrEqual(3);
  });

  it('keeps secrets in its own command line and in the tool\'s error lines out of the printed and the saved report', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-probe-secret-'));
    let stdout = '';
    const script = "console.error('fatal error: bad key sk-ant-api03-zzzz0000yyyy1111 for DEPLOY_TOKEN_B=dt-0007'); process.exit(4)";
    try {
      const code = await runProbe(
        ['--factor', 'proxy', '--state-dir', dir, ...(isolation.ok ? [] : ['--no-isolation']), '--', process.execPath, '-e', script, 'x', '--api-token', 'at-0008'],
        { stdout: new PassThrough().on('data', (c: Buffer) => (stdout += c.toString())), stderr: new PassThrough() },
      );
      expect(code).toBe(1);
      const [saved] = await loadProbeReports(dir);
      expect(saved?.command.slice(-2)).toEqual(['--api-token', '***']);
      expect(saved?.error).toMatch(/exited with code 4: fatal error: bad key sk-ant-\*\*\* for DEPLOY_TOKEN_B=\*\*\*/);
      const saveds = JSON.stringify(saved);
      for (const secret of ['at-0008', 'dt-0007', 'zzzz0000yyyy1111']) {
        expect(stdout).not.toContain(secret);
        expect(saveds).not.toContain(secret);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to run a tool it cannot cut off from the network, unless told --no-isolation', async () => {
    const emptyPath = await mkdtemp(path.join(os.tmpdir(), 'telltale-probe-nopath-'));
    const savedPath = process.env.PATH;
    process.env.PATH = emptyPath; // no unshare to be found
    try {
      let stderr = '';
      const code = await runProbe(['--factor', 'proxy', '--state-dir', stateDir, '--', process.execPath, path.join(tools, 'clean-tool.mjs')], {
        stdout: new PassThrough(),
        stderr: new PassThrough().on('data', (c: Buffer) => (stderr += c.toString())),
      });
      expect(code).toBe(2);
      expect(stderr).toMatch(/isolated network namespace.*--no-isolation/s);
      expect(stderr).not.toMatch(/report saved/);
      const unisolated = await probe('clean-tool.mjs', ['--factor', 'proxy', '--no-isolation']);
      expect(unisolated.code).toBe(0);
      expect(unisolated.report.requestsCaptured).toBeGreaterThan(0);
      expect(unisolated.stderr).toMatch(/without network isolation/);
    } finally {
      process.env.PATH = savedPath;
      await rm(emptyPath, { recursive: true, force: true });
    }
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
