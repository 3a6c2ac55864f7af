import { describe, expect, it } from 'vitest';
import { effectiveProxySignals, noProxyEntries, proxyEnvSignals, proxyForUrl } from '../../../main/core/proxy/index.js';

const byId = (signals: ReturnType<typeof proxyEnvSignals>) => new Map(signals.map((s) => [s.id, s]));

describe('proxyEnvSignals', () => {
  it('reports every proxy variable in any casing, as named, redacted', () => {
    const signals = byId(
      proxyEnvSignals({
        https_proxy: 'http://alice:s3cret@proxy.corp.example.cn:8080',
        Http_Proxy: 'proxy.hk.example.net:3128',
        ALL_PROXY: 'socks5://127.0.0.1:1080',
        ftp_proxy: 'http://ftp-proxy:21',
        NO_PROXY: 'localhost,.corp.example.cn',
        PATH: '/usr/bin',
      }),
    );
    expect([...signals.keys()].sort()).toEqual(
      ['proxy.env.ALL_PROXY', 'proxy.env.Http_Proxy', 'proxy.env.NO_PROXY', 'proxy.env.ftp_proxy', 'proxy.env.https_proxy'].sort(),
    );
    expect(signals.get('proxy.env.https_proxy')).toMatchObject({
      value: 'http://alice:***@proxy.corp.example.cn:8080',
      status: 'ok',
      source: 'env:https_proxy',
      meta: { host: 'proxy.corp.example.cn', port: 8080, scheme: 'http' },
    });
    expect(signals.get('proxy.env.Http_Proxy')?.meta).toMatchObject({ host: 'proxy.hk.example.net', port: 3128 });
    expect(signals.get('proxy.env.ALL_PROXY')?.meta).toMatchObject({ scheme: 'socks5', host: '127.0.0.1' });
    expect(signals.get('proxy.env.NO_PROXY')?.value).toBe('localhost,.corp.example.cn');
  });

  it('turns a malformed proxy URL into an error with a redacted reason', () => {
    const [signal] = proxyEnvSignals({ HTTPS_PROXY: 'http://bob:topsecret@bad host:80' });
    expect(signal).toMatchObject({ id: 'proxy.env.HTTPS_PROXY', status: 'error', value: null });
    expect(signal?.reason).toMatch(/whitespace/);
    expect(JSON.stringify(signal)).not.toContain('topsecret');
  });
});

describe('effectiveProxySignals', () => {
  it('follows proxy-from-env: scheme-specific first, ALL_PROXY as fallback', () => {
    const signals = byId(
      effectiveProxySignals({ HTTPS_PROXY: 'http://u:pw@p.corp:8080', ALL_PROXY: 'socks5://127.0.0.1:1080' }),
    );
    expect(signals.get('proxy.effective.https')).toMatchObject({
      value: 'http://u:***@p.corp:8080',
      source: 'env:HTTPS_PROXY',
      meta: { host: 'p.corp', port: 8080 },
    });
    expect(signals.get('proxy.effective.http')).toMatchObject({ value: 'socks5://127.0.0.1:1080', source: 'env:ALL_PROXY' });
    expect(signals.has('proxy.no-proxy')).toBe(false);
  });

  it('gives null where NO_PROXY bypasses every public host, and lists NO_PROXY', () => {
    const signals = byId(effectiveProxySignals({ https_proxy: 'http://p:1', no_proxy: 'localhost .com,.org' }));
    expect(signals.get('proxy.effective.https')).toMatchObject({ value: null, status: 'ok', source: 'env:no_proxy' });
    expect(signals.get('proxy.no-proxy')?.value).toEqual(['localhost', '.com', '.org']);
  });

  it('keeps the proxy in force when NO_PROXY exempts only the API host: telemetry still goes through it', () => {
    const signals = byId(effectiveProxySignals({ https_proxy: 'http://p:1', no_proxy: 'api.anthropic.com' }));
    expect(signals.get('proxy.effective.https')).toMatchObject({
      value: 'http://p:1',
      meta: { host: 'p', target: 'https://statsig.anthropic.com/', bypassed: 'api.anthropic.com' },
    });
  });

  it('gives null without any proxy variable', () => {
    const signals = byId(effectiveProxySignals({}));
    expect(signals.get('proxy.effective.https')).toMatchObject({ value: null, source: 'env', meta: { host: null } });
  });

  it('reads ctx.env, not process.env, and leaves process.env as it was', () => {
    const before = process.env;
    const keys = Object.keys(process.env).length;
    expect(proxyForUrl({ HTTPS_PROXY: 'http://only-in-ctx:9' }, 'https://api.anthropic.com/')).toBe('http://only-in-ctx:9');
    expect(process.env).toBe(before);
    expect(Object.keys(process.env).length).toBe(keys);
    expect(process.env.HTTPS_PROXY).not.toBe('http://only-in-ctx:9');
  });
});

describe('noProxyEntries', () => {
  it('splits on commas and whitespace', () => {
    expect(noProxyEntries(' a.com, b.com  *.c.com,')).toEqual(['a.com', 'b.com', '*.c.com']);
  });
});
