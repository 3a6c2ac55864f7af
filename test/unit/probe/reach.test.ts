import { describe, expect, it } from 'vitest';
import { analyseReach, type ReachEvent } from '../../../main/core/probe/reach.js';
import { planProbe } from '../../../main/core/probe/plan.js';
import { proxyTarget } from '../../../main/core/probe/proxy-target.js';

const plan = planProbe({
  factors: ['timezone', 'base-url'],
  timezones: ['Asia/Shanghai', 'Europe/Berlin'],
  locales: [],
  hosts: ['api.example.com', 'api.moonshot.cn'],
  tapPort: 40001,
  deadProxyPort: 40002,
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
      },
      {
        host: 'rum.vendor.example',
        factor: 'base-url',
        with: [plan[1]!.baselineLabel, 'api.example.com'],
        without: ['api.moonshot.cn'],
        description: `rum.vendor.example was not tried with base-url api.moonshot.cn (it was with ${plan[1]!.baselineLabel}, api.example.com)`,
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

  it('reads where a proxy request was meant to go from its request line', () => {
    expect(proxyTarget('CONNECT statsig.vendor.example:443 HTTP/1.1\r')).toEqual({ host: 'statsig.vendor.example', port: 443, via: 'proxy-connect' });
    expect(proxyTarget('CONNECT [2001:db8::1]:8443 HTTP/1.1')).toEqual({ host: '[2001:db8::1]', port: 8443, via: 'proxy-connect' });
    expect(proxyTarget('POST http://203.107.1.1/d?host=x HTTP/1.1')).toEqual({ host: '203.107.1.1', port: 80, via: 'proxy-request' });
    expect(proxyTarget('GET https://models.vendor.example:8080/api.json HTTP/1.1')).toEqual({ host: 'models.vendor.example', port: 8080, via: 'proxy-request' });
    for (const junk of ['GET /v1/messages HTTP/1.1', 'CONNECT nowhere HTTP/1.1', '\u0016\u0003\u0001 binary', '']) expect(proxyTarget(junk), junk).toBeNull();
  });
});
