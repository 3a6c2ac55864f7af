import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeReport } from '../../contract/snapshot.js';
import { loadProbeReports, runProbe } from '../../main/probe/cli.js';
import { PROXY_VARIANT } from '../../main/core/probe/plan.js';
import { renderMessage } from '../../common/i18n/render.js';
import { startIsolation } from '../../main/probe/isolation.js';
import { dataStrings } from '../helpers/i18n-checks.js';
import { expectNoEnglishProse } from '../helpers/report-prose.js';

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
  isolation = started.ok ? { ok: true } : { ok: false, reason: renderMessage(started.problem, 'en') };
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

/** The value without the fields of the given names, at any depth. */
function withoutKeys(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutKeys(v, keys));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.has(k)).map(([k, v]) => [k, withoutKeys(v, keys)]));
  return value;
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
    // The system zone is varied where the runs have a mount namespace; the report says why not elsewhere.
    const systemZone = report.systemZoneUnavailable === undefined ? ['system-timezone'] : [];
    expect(report.factors.map((f) => f.factor)).toEqual(['timezone', ...systemZone, 'locale', 'proxy', 'base-url']);
    if (report.zoneSource) expect(report.zoneSource.follows).toBe('neither');
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
    expect(variant(report, 'proxy', PROXY_VARIANT)?.changes).toEqual([
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

  it('tells whether a tool follows TZ, the system zone (/etc/localtime, /etc/timezone) or both', async () => {
    const zoneArgs = ['--factor', 'timezone,system-timezone', '--timezones', 'Asia/Shanghai'];
    // One probe at a time: each one's precise capture follows this whole process.
    for (const source of ['tz', 'system', 'both'] as const) {
      const { code, report } = await probe('zone-tool.mjs', zoneArgs, ['--source', source]);
      expect(code, source).toBe(0);
      if (report.systemZoneUnavailable !== undefined) {
        // No mount namespace here: only TZ was varied, and the report says why.
        console.warn(`system zone not varied here: ${report.systemZoneUnavailable}`);
        expect(report.factors.map((f) => f.factor)).toEqual(['timezone']);
        expect(report.zoneSource).toBeUndefined();
        continue;
      }
      const expected = { tz: { tz: true, system: false }, system: { tz: false, system: true }, both: { tz: true, system: true } }[source];
      expect(report.zoneSource, source).toEqual({ follows: source, zones: [{ zone: 'Asia/Shanghai', ...expected }] });
      const systemVariant = variant(report, 'system-timezone', 'Asia/Shanghai');
      expect(systemVariant?.changed).toBe(source !== 'tz');
      if (source === 'system') {
        expect(systemVariant?.changes[0]).toMatchObject({ baseline: 'UTC', variant: 'Asia/Shanghai' });
        expect(systemVariant?.disclosure).toMatch(/system time zone is in China \(Asia\/Shanghai\)/);
      }
    }
  });

  it('prints the report of a covert tool in Chinese: no English prose once the data is taken out', async () => {
    const ownState = await mkdtemp(path.join(os.tmpdir(), 'telltale-probe-zh-'));
    try {
      let stdout = '';
      const code = await runProbe(
        [
          '--lang', 'zh-CN', '--state-dir', ownState, '--timeout', '20', '--factor', 'timezone,locale,base-url', '--hosts', 'api.kimi.com',
          ...(isolation.ok ? [] : ['--no-isolation']),
          '--', process.execPath, path.join(tools, 'covert-tool.mjs'), '--now', '2026-11-24T10:00:00Z',
        ],
        { stdout: new PassThrough().on('data', (c: Buffer) => (stdout += c.toString())), stderr: new PassThrough() },
      );
      expect(code).toBe(0);
      const [report] = await loadProbeReports(ownState);
      expect(report?.factors.some((f) => f.variants.some((v) => v.changes.some((c) => c.kind === 'confusable')))).toBe(true);
      // The report's English sentences are what the Chinese must not show; the rest is data (hosts, zones, request text).
      const english = new Set(['description', 'disclosure', 'summary', 'error', 'reachGaps', 'systemZoneUnavailable', 'attemptsUnavailable']);
      // The command's own name heads the report as it is typed.
      const data = ['telltale probe', ...dataStrings(withoutKeys(report, english))];
      expect(stdout).toMatch(/形近字符替换：/);
      expectNoEnglishProse(stdout.replace(/⟦U\+[0-9A-F]+⟧/g, ' '), data, 'telltale probe --lang zh-CN');
    } finally {
      await rm(ownState, { recursive: true, force: true });
    }
  });

  it('says the system zone is not varied when the runs are not isolated, and still varies TZ', async () => {
    let stdout = '';
    const code = await runProbe(
      ['--factor', 'timezone,system-timezone', '--timezones', 'Asia/Shanghai', '--no-isolation', '--state-dir', stateDir, '--', process.execPath, path.join(tools, 'zone-tool.mjs'), '--source', 'both'],
      { stdout: new PassThrough().on('data', (c: Buffer) => (stdout += c.toString())), stderr: new PassThrough() },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/The system zone was not varied \(only TZ\): the runs are not isolated/);
    // Its TZ field changes; its system-zone field holds the host's zone in every run.
    expect(stdout).toMatch(/timezone \(baseline UTC\): CHANGED/);
    expect(stdout).not.toMatch(/system-timezone/);
    expect(stdout).toMatch(/not seen here: DNS queries and direct connects/);
  });

  it('lists the hosts a tool tried besides its base URL, and a host tried only in a Chinese time zone as a finding', async () => {
    const args = ['--factor', 'timezone,proxy', '--timezones', 'Asia/Shanghai,Europe/Berlin'];
    const shanghai = await probe('telemetry-tool.mjs', args, ['--when', 'shanghai']);
    const always = await probe('telemetry-tool.mjs', args, ['--when', 'always']);
    for (const { code } of [shanghai, always]) expect(code).toBe(0);
    const host = (report: ProbeReport, name: string) => report.reached?.find((r) => r.host === name);

    // Through the tap as proxy the CONNECT target is seen (and refused) wherever the runs are.
    const proxied = host(always.report, 'telemetry.fake-vendor.example');
    expect(proxied?.seenBy).toContain('proxy-connect');
    expect(proxied?.ports).toEqual([443]);
    expect(proxied?.environments).toContain('proxy:loopback');
    expect(always.report.reachFindings).toEqual([]);
    expect(always.report.summary, JSON.stringify(always.report.factors.flatMap((f) => f.variants.flatMap((v) => v.changes)))).toMatch(/did not depend on the environment/);
    // The tap itself and the base URL it stands for are never listed.
    expect(always.report.reached?.some((r) => r.host === '127.0.0.1' || r.host === 'localhost')).toBe(false);

    if (!isolation.ok) {
      // Unisolated, DNS and direct connects are not seen: the report says so, and the tool (with
      // no proxy) goes unseen in the time zone variants.
      expect(shanghai.report.reachGaps?.join(' ')).toMatch(/not isolated/);
      return;
    }
    const dnsSeen = shanghai.report.reachGaps?.some((g) => g.startsWith('DNS')) !== true;
    expect(host(always.report, '203.0.113.7')).toMatchObject({ isAddress: true, ports: [80], seenBy: ['direct-connect'] });
    if (dnsSeen) expect(proxied?.seenBy).toEqual(['dns', 'proxy-connect']);

    // Only TZ=Asia/Shanghai makes it phone home: a finding of the timezone factor, none of the proxy factor.
    const findings = shanghai.report.reachFindings ?? [];
    const hosts = dnsSeen ? ['203.0.113.7', 'telemetry.fake-vendor.example'] : ['203.0.113.7'];
    expect(findings.map((f) => [f.host, f.factor, f.with, f.without])).toEqual(hosts.map((h) => [h, 'timezone', ['Asia/Shanghai'], ['UTC', 'Europe/Berlin']]));
    expect(findings[0]?.description).toBe('203.0.113.7 was tried only with timezone Asia/Shanghai');
    expect(host(shanghai.report, '203.0.113.7')?.environments).toEqual(['tz:Asia/Shanghai']);
    expect(shanghai.report.summary).toMatch(/Hosts tried under some settings only: 203\.0\.113\.7 \(timezone\)/);
    expect(shanghai.report.summary).not.toMatch(/did not depend/);
  });

  it('serves the model calls a tool sends through the proxy, notes that they went so, and still catches a prompt that changes under the proxy', async () => {
    const plain = await probe('proxy-tool.mjs', ['--factor', 'proxy']);
    expect(plain.code).toBe(0);
    const proxied = variant(plain.report, 'proxy', PROXY_VARIANT);
    const changes = JSON.stringify(proxied?.changes);
    // Every model call arrived through the proxy and was answered: no request missing, no proxy header a finding.
    expect(proxied?.changes, changes).toEqual([]);
    expect(proxied?.error).toBeUndefined();
    expect(proxied?.viaProxy).toEqual({ requests: 4, of: 4 });
    expect(plain.report.summary).toMatch(/did not depend on the environment/);
    expect(plain.report.reached).toEqual([]);

    const telling = await probe('proxy-tool.mjs', ['--factor', 'proxy'], ['--tell']);
    expect(telling.code).toBe(0);
    const told = variant(telling.report, 'proxy', PROXY_VARIANT);
    expect(told?.changed).toBe(true);
    expect(told?.changes.map((c) => [c.kind, c.location])).toEqual([
      ['invisible', 'POST /v1/messages body.system[0].text'],
      ['invisible', 'POST /v1/messages #2 body.system[0].text'],
    ]);
    expect(told?.disclosure).toMatch(/a proxy is set, hidden in invisible changes/);
  });

  it("never makes the official host a finding of the custom hosts when the tool tries it in every run", async () => {
    // In the base-url baseline api.anthropic.com is the base URL itself; under the custom hosts the same tries are foreign.
    const { code, report } = await probe('telemetry-tool.mjs', ['--factor', 'base-url'], ['--host', 'api.anthropic.com']);
    expect(code).toBe(0);
    const official = report.reached?.find((r) => r.host === 'api.anthropic.com');
    expect(official?.seenBy).toContain('proxy-connect');
    expect(official?.environments).toContain('host:api.moonshot.cn');
    expect(report.reachFindings?.filter((f) => f.host === 'api.anthropic.com')).toEqual([]);
  });

  it('prints progress on stderr, plain lines when it is no terminal, stdout holding the JSON report alone', async () => {
    const { code, report, stderr } = await probe('clean-tool.mjs', ['--factor', 'proxy']);
    expect(code).toBe(0);
    const lines = stderr.split('\n').filter((l) => /runs done/.test(l));
    // Baseline and the proxy variant, two runs each: one line as each run starts.
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^telltale probe: 0\/4 runs done, 0:\d\d elapsed; now baseline \(run 1\/2\)$/);
    expect(lines[3]).toMatch(/^telltale probe: 3\/4 runs done, \d+:\d\d elapsed; now proxy:loopback \(run 2\/2\)$/);
    expect(report.factors.map((f) => f.factor)).toEqual(['proxy']);
  });

  it('rewrites one progress line in place on a terminal and clears it before the report', async () => {
    let stderr = '';
    let stdout = '';
    const terminal = Object.assign(new PassThrough().on('data', (c: Buffer) => (stderr += c.toString())), { isTTY: true, columns: 200 });
    const code = await runProbe(
      ['--factor', 'proxy', '--state-dir', stateDir, ...(isolation.ok ? [] : ['--no-isolation']), '--', process.execPath, path.join(tools, 'clean-tool.mjs')],
      { stdout: new PassThrough().on('data', (c: Buffer) => (stdout += c.toString())), stderr: terminal },
    );
    expect(code).toBe(0);
    const progress = stderr.slice(0, stderr.indexOf('telltale probe: report saved'));
    const rewrites = progress.split('\r\x1b[2K');
    expect(rewrites).toHaveLength(6); // what came before, four updates and the clearing
    expect(rewrites[4]).toMatch(/^telltale probe: 3\/4 runs done, \d+:\d\d elapsed; now proxy:loopback \(run 2\/2\)$/);
    // Cleared before anything else is written (the unisolated warning, where there is one).
    expect(rewrites[5]).toEqual(isolation.ok ? '' : expect.stringMatching(/^telltale probe: warning/));
    // One line rewritten, never a new one.
    expect(rewrites.slice(0, 5).join('')).not.toContain('\n');
    expect(stdout).not.toMatch(/runs done/);
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
