import ini from 'ini';
import { fail, ok, type Outcome } from '../context.js';
import { iniSyntaxProblem } from '../ini-check.js';
import type { ProxyMode, ProxyProtocol, SystemProxy } from './system.js';

/** KDE's ProxyType values (kioslaverc [Proxy Settings]). */
const KDE_MODES: Record<string, ProxyMode> = { '0': 'none', '1': 'manual', '2': 'pac', '3': 'auto-detect', '4': 'environment' };

const SERVER_KEYS: Record<ProxyProtocol, string> = {
  http: 'httpProxy',
  https: 'httpsProxy',
  socks: 'socksProxy',
  ftp: 'ftpProxy',
};

/** KDE writes "http://host 8080" (space before the port); "host:port" is also seen. */
export function kdeServer(value: string): string {
  const text = value.trim();
  // One whitespace character before the digits, not /\s+\d+$/: that retries every start inside a
  // long run of spaces (quadratic on a garbled file).
  const port = /\s(\d+)$/.exec(text);
  return port ? `${text.slice(0, port.index).trimEnd()}:${port[1]}` : text;
}

/** The KDE proxy settings in force from ~/.config/kioslaverc text. */
export function parseKioslaverc(text: string): Outcome<SystemProxy> {
  const problem = iniSyntaxProblem(text, { bareKeys: false, format: 'kioslaverc' });
  if (problem) return fail(problem);
  const section = (ini.parse(text)['Proxy Settings'] ?? {}) as Record<string, unknown>;
  const get = (key: string): string => (typeof section[key] === 'string' ? (section[key] as string).trim() : '');
  const type = get('ProxyType') || '0';
  const mode = KDE_MODES[type];
  if (!mode) return fail({ id: 'reason.config.unknown-value', setting: 'KDE ProxyType', value: type });
  const proxy: SystemProxy = { mode, rawMode: `ProxyType=${type}`, servers: {}, pac: null, bypass: [] };
  if (mode === 'none' || mode === 'environment') return ok(proxy); // environment: the env signals cover it
  proxy.bypass = get('NoProxyFor').split(/[,\s]+/).filter(Boolean);
  if (mode === 'manual') {
    for (const [protocol, key] of Object.entries(SERVER_KEYS) as Array<[ProxyProtocol, string]>) {
      const server = kdeServer(get(key));
      if (server) proxy.servers[protocol] = server;
    }
  }
  if (mode === 'pac') proxy.pac = get('Proxy Config Script') || null;
  return ok(proxy);
}
