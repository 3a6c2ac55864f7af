import { describe, expect, it } from 'vitest';
import { CHINESE_HOSTS, NEUTRAL_VARIANT_HOSTS } from '../../../main/core/probe/hosts.js';
import { PROBE_FACTORS } from '../../../common/probe.js';
import { DEFAULT_LOCALES, DEFAULT_TIMEZONES, planProbe } from '../../../main/core/probe/plan.js';
import { commandProblems, envProblems, hostProblem, isKnownZone } from '../../../main/core/probe/safety.js';
import { runProbe } from '../../../main/probe/cli.js';
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
        expect(envProblems(group.env, TAP), group.id).toEqual([]);
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
    const env = plan()[0]!.baseline.env;
    expect(envProblems({ ...env, HTTPS_PROXY: 'http://proxy.corp.example:3128' }, TAP)).toHaveLength(1);
    expect(envProblems({ ...env, ANTHROPIC_BASE_URL: 'https://api.anthropic.com' }, TAP)).toHaveLength(1);
    expect(envProblems({ ...env, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }, TAP)).toHaveLength(1);
    // Routed through a loopback proxy that is not the tap: refused as well, proxy and base URL.
    const viaOther = { ...env, HTTP_PROXY: 'http://127.0.0.1:40002', ANTHROPIC_BASE_URL: 'http://api.moonshot.cn' };
    expect(envProblems(viaOther, TAP)).toHaveLength(2);
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
