/** Builders for engine tests: signals as producers emit them, tools, and a fake GeoLookup. */
import type { TelemetryOptOut } from '../../../contract/catalog-text.js';
import { renderMessage } from '../../../common/i18n/render.js';
import type { KeyOf, RegistryEcosystem, Signal, TimezoneSource, Tool } from '../../../contract/snapshot.js';
import type { GeoInfo, GeoLookup } from '../../../main/core/geo/types.js';
import { okSignal } from '../../../main/core/signal.js';

export const tz = (zone: string, from: TimezoneSource = 'resolved', source = 'env:TZ'): Signal =>
  okSignal({ kind: 'timezone', key: { source: from } }, zone, source);
export const lang = (value: string, territory?: string): Signal =>
  okSignal({ kind: 'locale', key: { variable: 'LANG' } }, value, 'env:LANG', territory ? { territory } : undefined);
export const envProxy = (name: string, url: string, host?: string): Signal =>
  okSignal({ kind: 'proxy', key: { source: 'env', variable: name } }, url, `env:${name}`, host ? { host } : undefined);
export const effectiveHttps = (url: string | null, host?: string): Signal =>
  okSignal({ kind: 'proxy', key: { source: 'effective', scheme: 'https' } }, url, 'env', host ? { host } : undefined);
export const email = (value: string, withMeta = true): Signal =>
  okSignal({ kind: 'identity', key: { field: 'git-email' } }, value, 'file:~/.gitconfig', withMeta ? { domain: value.split('@')[1] ?? '' } : undefined);
export const dnsSearch = (...domains: string[]): Signal =>
  okSignal({ kind: 'identity', key: { field: 'dns-search' } }, domains, 'file:/etc/resolv.conf');
/** A registry signal: an ecosystem's index, or any registry key (a proxy setting, an @scope). */
export const registry = (key: RegistryEcosystem | KeyOf<'registry'>, url: string, host?: string, source = 'file:~/.npmrc'): Signal =>
  okSignal(
    { kind: 'registry', key: typeof key === 'string' ? { ecosystem: key, setting: 'registry' } : key },
    url,
    source,
    host ? { host } : undefined,
  );
export const baseUrl = (name: string, url: string, host?: string): Signal =>
  okSignal({ kind: 'model-endpoint', key: { variable: name } }, url, `env:${name}`, host ? { host } : undefined);

export function tool(id: string, canRead: Tool['canRead'], extra: Partial<Tool> = {}): Tool {
  return { id, name: id, running: false, pids: [], installed: true, canRead, endpoints: [], inferences: [], ...extra };
}

/** A tool's opt-outs as the catalog gives them: the messages and their English. */
export const optOuts = (...messages: TelemetryOptOut[]): Pick<Tool, 'telemetryOptOuts' | 'telemetryOptOutMessages'> => ({
  telemetryOptOuts: messages.map((o) => renderMessage(o, 'en')),
  telemetryOptOutMessages: messages,
});
export const disableTelemetry: TelemetryOptOut = { id: 'opt-out.env', variable: 'DISABLE_TELEMETRY', value: '1' };
export const sharingOff: TelemetryOptOut = { id: 'opt-out.app-switch', path: ['Settings'], label: 'Share usage data', on: false };

export const claude = tool('claude-code', ['env', 'timezone', 'files', 'network'], {
  name: 'Claude Code',
  endpoints: ['api.anthropic.com', 'statsig.anthropic.com'],
  installEvidence: ['~/.claude', '/usr/local/bin/claude (on PATH)'],
  ...optOuts(disableTelemetry, sharingOff),
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
