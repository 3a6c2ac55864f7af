import { describe, expect, it } from 'vitest';
import { analyseReach, type ReachEvent } from '../../../main/core/probe/reach.js';
import { planProbe } from '../../../main/core/probe/plan.js';

const plan = planProbe({
  factors: ['timezone', 'base-url'],
  timezones: ['Asia/Shanghai', 'Europe/Berlin'],
  locales: [],
  hosts: ['api.example.com', 'api.moonshot.cn'],
  tapPort: 40001,
  home: '/tmp/h',
  path: '/usr/bin',
  term: 'dumb',
});

const dns = (host: string): ReachEvent => ({ host, port: null, via: 'dns' });
const connect = (host: string, port: number): ReachEvent => ({ host, port, via: 'direct-connect' });
const twice = (...events: ReachEvent[]) => [events, events];

describe('what else a tool tried to reach', () => {
  it('merges the sightings of a host, leaving out loopback and the hosts the probe handed the tool', () => {
    const runs = new Map([
      ['baseline', twice(dns('Stats.Vendor.example.'), connect('127.0.0.1', 40001), dns('localhost'))],
      ['tz:Asia/Shanghai', twice(dns('stats.vendor.example'), connect('::ffff:203.0.113.7', 80))],
      ['baseline-via-tap-proxy', twice({ host: 'api.anthropic.com', port: 80, via: 'proxy-request' }, { host: 'stats.vendor.example', port: 443, via: 'proxy-connect' })],
      ['host:api.moonshot.cn', twice({ host: 'api.moonshot.cn', port: 80, via: 'proxy-request' })],
    ]);
    const { reached } = analyseReach(plan, runs);
    expect(reached).toEqual([
      { host: '203.0.113.7', isAddress: true, ports: [80], seenBy: ['direct-connect'], count: 2, environments: ['tz:Asia/Shanghai'] },
      {
        host: 'stats.vendor.example',
        isAddress: false,
        ports: [443],
        seenBy: ['dns', 'proxy-connect'],
        count: 6,
        environments: ['baseline', 'tz:Asia/Shanghai', 'baseline-via-tap-proxy'],
      },
    ]);
  });

  it('makes a host every run of some environments tried, and no run of the others, a finding of that factor', () => {
    const runs = new Map([
      ['baseline', twice()],
      ['tz:Asia/Shanghai', twice(dns('rum.vendor.example'))],
      ['tz:Europe/Berlin', twice()],
      ['baseline-via-tap-proxy', twice(dns('rum.vendor.example'))],
      ['host:api.example.com', twice(dns('rum.vendor.example'))],
      ['host:api.moonshot.cn', twice()],
    ]);
    const { findings } = analyseReach(plan, runs);
    expect(findings).toEqual([
      {
        host: 'rum.vendor.example',
        factor: 'timezone',
        with: ['Asia/Shanghai'],
        without: ['UTC', 'Europe/Berlin'],
        description: 'rum.vendor.example was tried only with timezone Asia/Shanghai',
        message: { id: 'reach.tried-only-with', host: 'rum.vendor.example', factor: 'timezone', with: ['Asia/Shanghai'] },
      },
      {
        host: 'rum.vendor.example',
        factor: 'base-url',
        with: [plan[1]!.baselineLabel, 'api.example.com'],
        without: ['api.moonshot.cn'],
        description: `rum.vendor.example was not tried with base-url api.moonshot.cn (it was with ${plan[1]!.baselineLabel}, api.example.com)`,
        message: {
          id: 'reach.not-tried-with',
          host: 'rum.vendor.example',
          factor: 'base-url',
          with: [plan[1]!.baselineLabel, 'api.example.com'],
          without: ['api.moonshot.cn'],
        },
      },
    ]);
  });

  it('takes a host only some runs of one environment tried for noise, not a finding', () => {
    const runs = new Map([
      ['baseline', twice()],
      ['tz:Asia/Shanghai', [[dns('sometimes.vendor.example')], []]],
      ['tz:Europe/Berlin', twice()],
    ]);
    const { reached, findings } = analyseReach(plan, runs);
    expect(reached.map((r) => r.host)).toEqual(['sometimes.vendor.example']);
    expect(findings).toEqual([]);
  });

  it("counts a host as tried where it is the environment's own base URL, so the official host is no finding of the custom hosts", () => {
    // Real Claude Code tries api.anthropic.com in every run; in the base-url baseline it is the base URL itself.
    const official = { host: 'api.anthropic.com', port: 443, via: 'proxy-connect' } as const;
    const runs = new Map([
      ['baseline-via-tap-proxy', twice(official, { host: 'api.anthropic.com', port: 80, via: 'proxy-request' })],
      ['host:api.example.com', twice(official)],
      ['host:api.moonshot.cn', twice(official, { host: 'api.moonshot.cn', port: 80, via: 'proxy-request' })],
    ]);
    const { reached, findings } = analyseReach(plan, runs);
    expect(findings).toEqual([]);
    // Listed where it was more than the base URL.
    expect(reached).toEqual([
      { host: 'api.anthropic.com', isAddress: false, ports: [443], seenBy: ['proxy-connect'], count: 4, environments: ['host:api.example.com', 'host:api.moonshot.cn'] },
    ]);

    // A custom host the tool stops trying is still a finding; its own base URL never makes one.
    const dropped = new Map([...runs, ['host:api.moonshot.cn', twice({ host: 'api.moonshot.cn', port: 80, via: 'proxy-request' })]]);
    expect(analyseReach(plan, dropped).findings.map((f) => [f.host, f.with, f.without])).toEqual([
      ['api.anthropic.com', [plan[1]!.baselineLabel, 'api.example.com'], ['api.moonshot.cn']],
    ]);
  });
});
