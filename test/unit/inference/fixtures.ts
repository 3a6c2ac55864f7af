/** Builders for engine tests: signals as producers emit them, tools, and a fake GeoLookup. */
import type { Signal, Tool } from '../../../contract/snapshot.js';
import type { GeoInfo, GeoLookup } from '../../../main/core/geo/types.js';
import { okSignal } from '../../../main/core/signal.js';

export const tz = (zone: string, id = 'timezone.iana', source = 'env:TZ'): Signal => okSignal(id, 'timezone', zone, source);
export const lang = (value: string, territory?: string): Signal =>
  okSignal('locale.LANG', 'locale', value, 'env:LANG', territory ? { territory } : undefined);
export const envProxy = (name: string, url: string, host?: string): Signal =>
  okSignal(`proxy.env.${name}`, 'proxy', url, `env:${name}`, host ? { host } : undefined);
export const effectiveHttps = (url: string | null, host?: string): Signal =>
  okSignal('proxy.effective.https', 'proxy', url, 'env', host ? { host } : undefined);
export const email = (value: string, withMeta = true): Signal =>
  okSignal('identity.git.email', 'identity', value, 'file:~/.gitconfig', withMeta ? { domain: value.split('@')[1] ?? '' } : undefined);
export const dnsSearch = (...domains: string[]): Signal => okSignal('identity.dns.search', 'identity', domains, 'file:/etc/resolv.conf');
export const registry = (id: string, url: string, host?: string, source = 'file:~/.npmrc'): Signal =>
  okSignal(id, 'registry', url, source, host ? { host } : undefined);
export const baseUrl = (name: string, url: string, host?: string): Signal =>
  okSignal(`model.base-url.${name}`, 'model-endpoint', url, `env:${name}`, host ? { host } : undefined);

export function tool(id: string, canRead: Tool['canRead'], extra: Partial<Tool> = {}): Tool {
  return { id, name: id, running: false, pids: [], installed: true, canRead, endpoints: [], inferences: [], ...extra };
}

export const claude = tool('claude-code', ['env', 'timezone', 'files', 'network'], {
  name: 'Claude Code',
  endpoints: ['api.anthropic.com', 'statsig.anthropic.com'],
  installEvidence: ['~/.claude', '/usr/local/bin/claude (on PATH)'],
  telemetryOptOuts: ['DISABLE_TELEMETRY=1', 'Settings: turn off sharing'],
});

/** A GeoLookup over a fixed table, as the real one returns null for unknown/private addresses. */
export function fakeGeo(table: Record<string, string>): GeoLookup & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    lookup(ip: string): GeoInfo | null {
      calls.push(ip);
      const country = table[ip];
      return country ? { country, asn: 64500, org: 'Example Hosting' } : null;
    },
  };
}
