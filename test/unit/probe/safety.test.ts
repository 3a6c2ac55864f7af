import { describe, expect, it } from 'vitest';
import { CHINESE_HOSTS, NEUTRAL_VARIANT_HOSTS } from '../../../main/core/probe/hosts.js';
import { PROBE_FACTORS } from '../../../common/probe.js';
import { DEFAULT_LOCALES, DEFAULT_TIMEZONES, planProbe } from '../../../main/core/probe/plan.js';
import { commandProblems, envProblems, hostProblem, isKnownZone } from '../../../main/core/probe/safety.js';
import { runProbe } from '../../../main/probe/cli.js';
import { ProbeRefused, renderRefusal } from '../../../main/probe/session.js';
import { expectChinese } from '../../helpers/i18n-checks.js';
import { PassThrough } from 'node:stream';

const TAP = 40001;

function plan() {
  return planProbe({
    factors: [...PROBE_FACTORS],
    timezones: DEFAULT_TIMEZONES,
    locales: DEFAULT_LOCALES,
    hosts: [...NEUTRAL_VARIANT_HOSTS, ...CHINESE_HOSTS],
    tapPort: TAP,
    home: '/tmp/h',
    path: '/usr/bin',
    term: 'dumb',
  });
}

describe('probe safety', () => {
  it('accepts every environment it plans itself', () => {
    for (const factor of plan()) {
      for (const group of [factor.baseline, ...factor.variants.map((v) => v.group)]) {
        expect(envProblems(group, TAP), group.id).toEqual([]);
      }
    }
  });

  it('varies exactly one factor between each baseline and its variants', () => {
    for (const factor of plan()) {
      for (const { group } of factor.variants) {
        const changed = Object.keys({ ...factor.baseline.env, ...group.env }).filter((k) => factor.baseline.env[k] !== group.env[k]);
        if (group.systemZone !== factor.baseline.systemZone) changed.push('system zone');
        const expected = {
          timezone: ['TZ'],
          'system-timezone': ['system zone'],
          locale: ['LANG'],
          proxy: ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'],
          'base-url': ['ANTHROPIC_BASE_URL', 'OPENAI_BASE_URL', 'GOOGLE_GEMINI_BASE_URL'],
        }[factor.factor];
        expect(changed.sort()).toEqual([...expected].sort());
      }
    }
  });

  it('refuses envs that would reach anything but the tap', () => {
    const { baseline } = plan()[0]!;
    const problems = (extra: Record<string, string>) => envProblems({ id: baseline.id, env: { ...baseline.env, ...extra } }, TAP);
    expect(problems({ HTTPS_PROXY: 'http://proxy.corp.example:3128' })).toEqual([
      { id: 'probe-unsafe.proxy-elsewhere', environment: baseline.id, variable: 'HTTPS_PROXY', value: 'http://proxy.corp.example:3128' },
    ]);
    expect(problems({ ANTHROPIC_BASE_URL: 'https://api.anthropic.com' })).toEqual([
      { id: 'probe-unsafe.misses-tap', environment: baseline.id, variable: 'ANTHROPIC_BASE_URL', url: 'https://api.anthropic.com' },
    ]);
    expect(problems({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' })).toMatchObject([{ id: 'probe-unsafe.misses-tap', variable: 'OPENAI_BASE_URL' }]);
    expect(problems({ OPENAI_BASE_URL: 'http://[bad' })).toMatchObject([{ id: 'probe-unsafe.bad-url', variable: 'OPENAI_BASE_URL', cause: { id: 'reason.url.malformed' } }]);
    // Routed through a loopback proxy that is not the tap: refused as well, proxy and base URL.
    expect(problems({ HTTP_PROXY: 'http://127.0.0.1:40002', ANTHROPIC_BASE_URL: 'http://api.moonshot.cn' })).toHaveLength(2);
  });

  it('says every refusal in English and in Chinese, the values as they are', () => {
    const { baseline } = plan()[0]!;
    const env = { ...baseline.env, HTTPS_PROXY: 'http://proxy.corp.example:3128', ANTHROPIC_BASE_URL: 'http://api.moonshot.cn', OPENAI_BASE_URL: 'http://:8080' };
    const problems = [...commandProblems(['env', 'HTTP_PROXY=http://203.0.113.7:8080', 'tool']), ...envProblems({ id: baseline.id, env }, TAP)];
    expect(problems.map((p) => p.id).sort()).toEqual(['probe-unsafe.bad-url', 'probe-unsafe.command-sets-url', 'probe-unsafe.misses-tap', 'probe-unsafe.proxy-elsewhere']);
    const refusal = { key: 'probe-refused.unsafe' as const, problems };
    const en = renderRefusal(refusal, 'en');
    expect(en).toMatch(/^refusing to run: the command sets HTTP_PROXY to a non-loopback URL/);
    expect(en).toContain(`${baseline.id}: HTTPS_PROXY would send traffic to http://proxy.corp.example:3128`);
    expect(en).toContain(`${baseline.id}: OPENAI_BASE_URL: `);
    expect(new ProbeRefused(refusal).message).toBe(en);
    const zh = renderRefusal(refusal, 'zh-CN');
    expect(zh).toMatch(/^拒绝运行：命令把 HTTP_PROXY 设成了/);
    expect(zh).toContain('HTTPS_PROXY 会把流量发往 http://proxy.corp.example:3128');
    expect(zh.split('；').length).toBeGreaterThanOrEqual(problems.length);
    expectChinese(zh, problems, 'zh-CN refusal');
  });

  it('takes only bare host names for --hosts', () => {
    expect(hostProblem('http://203.0.113.7:8080')).toBe('url');
    expect(hostProblem('api.example.cn:443')).toBe('url');
    expect(hostProblem('203.0.113.7')).toBe('ip-address');
    expect(hostProblem('localhost')).toBe('loopback');
    expect(hostProblem('-bad-.example')).toBe('invalid');
    expect(hostProblem('api.kimi.com')).toBeNull();
  });

  it('checks time zones and command-line assignments', () => {
    expect(isKnownZone('Mars/Olympus')).toBe(false);
    expect(isKnownZone('Asia/Urumqi')).toBe(true);
    expect(commandProblems(['env', 'HTTPS_PROXY=http://proxy.corp.example:3128', 'tool'])).toHaveLength(1);
    expect(commandProblems(['env', 'FOO=http://127.0.0.1:1', 'tool', '--flag=x'])).toEqual([]);
  });

  it('refuses an unsafe command in the language in force, exit 2', async () => {
    const argv = ['--', 'env', 'ANTHROPIC_BASE_URL=https://api.anthropic.com', 'true'];
    const said = async (language: string) => {
      let text = '';
      const stderr = new PassThrough().on('data', (c: Buffer) => (text += c.toString()));
      expect(await runProbe(['--lang', language, ...argv], { stdout: new PassThrough(), stderr })).toBe(2);
      return text;
    };
    expect(await said('en')).toBe('telltale probe: refusing to run: the command sets ANTHROPIC_BASE_URL to a non-loopback URL (the probe sets base URLs and proxies itself)\n');
    const zh = await said('zh-CN');
    expect(zh).toMatch(/^telltale probe: 拒绝运行：命令把 ANTHROPIC_BASE_URL 设成了非回环地址的 URL/);
    expectChinese(zh, ['telltale probe', 'ANTHROPIC_BASE_URL'], 'zh-CN command refusal');
  });

  it('exits 2 with a clear message before running anything unsafe', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--hosts', 'http://203.0.113.7:8080', '--', 'true'], /bare host names/],
      [['--', 'env', 'ANTHROPIC_BASE_URL=https://api.anthropic.com', 'true'], /non-loopback URL/],
      [['--runs', '1', '--', 'true'], /--runs/],
      [['true'], /after "--"/],
    ];
    for (const [argv, message] of cases) {
      const stderr = new PassThrough();
      let text = '';
      stderr.on('data', (c: Buffer) => (text += c.toString()));
      // In English whatever the machine's locale (usage errors follow it).
      expect(await runProbe(['--lang', 'en', ...argv], { stdout: new PassThrough(), stderr })).toBe(2);
      expect(text).toMatch(message);
    }
  });
});
