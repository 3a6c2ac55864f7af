import { describe, expect, it } from 'vitest';
import { proxyEnvSignals } from '../../../main/core/proxy/env.js';
import { infer } from '../../../main/core/inference/engine.js';

const signalFor = (value: string) => proxyEnvSignals({ HTTPS_PROXY: value })[0]!;

describe('what counts as a proxy address', () => {
  it.each(['on', 'true', '1', 'YES', 'proxy', 'corpproxy/', '12345'])('reports %j as an invalid setting, not a proxy', (value) => {
    const signal = signalFor(value);
    expect(signal.status).toBe('error');
    expect(signal.reason).toMatch(/not a proxy address/);
    // An invalid value never makes a tool think you use a proxy.
    expect(infer({ signals: [signal], tools: [], geo: null }).inferences.filter((i) => i.id === 'network.proxy')).toEqual([]);
  });

  it.each(['http://', 'http://user@:80'])('reports the malformed URL %j as an error', (value) => {
    expect(signalFor(value).status).toBe('error');
  });

  it.each([
    ['proxy:3128', 'proxy'],
    ['proxy.corp.example', 'proxy.corp.example'],
    ['127.0.0.1:7890', '127.0.0.1'],
    ['http://proxy', 'proxy'],
    ['socks5://localhost:1080', 'localhost'],
    ['localhost', 'localhost'],
  ])('takes %j as a proxy at %s', (value, host) => {
    const signal = signalFor(value);
    expect(signal.status).toBe('ok');
    expect(signal.meta?.host).toBe(host);
  });

  it('keeps a secret-looking bare word out of the reason', () => {
    const signal = signalFor('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(signal.status).toBe('error');
    expect(signal.reason).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });
});
