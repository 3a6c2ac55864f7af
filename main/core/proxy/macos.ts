import { fail, ok, type Outcome } from '../context.js';
import { hostPort, type ProxyProtocol, type SystemProxy } from './system.js';

export type ScutilValue = string | ScutilDict | ScutilValue[];
export interface ScutilDict {
  [key: string]: ScutilValue;
}

/**
 * Parses scutil's property-list dump:
 *   <dictionary> {
 *     ExceptionsList : <array> {
 *       0 : *.local
 *     }
 *     HTTPEnable : 1
 *   }
 */
export function parseScutilDict(output: string): Outcome<ScutilDict> {
  // The line it stopped at, as data: the reason says the output was not what scutil writes.
  const unexpected = (line?: string) => fail({ id: 'reason.output.unexpected', command: 'scutil', ...(line ? { detail: line.slice(0, 60) } : {}) });
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines[0] !== '<dictionary> {') return unexpected(lines[0]);
  const root: ScutilDict = {};
  const stack: Array<ScutilDict | ScutilValue[]> = [root];
  for (const line of lines.slice(1)) {
    const top = stack.at(-1);
    if (!top) return unexpected(line);
    if (line === '}') {
      stack.pop();
      continue;
    }
    const m = /^(.+?)\s+:\s+(.*)$/.exec(line) ?? /^(.+?)\s+:$/.exec(line);
    if (!m) return unexpected(line);
    const key = m[1] ?? '';
    const text = m[2] ?? '';
    let value: ScutilValue = text;
    if (text === '<dictionary> {') value = {};
    else if (text === '<array> {') value = [];
    if (Array.isArray(top)) top.push(value);
    else top[key] = value;
    if (typeof value !== 'string') stack.push(value);
  }
  // Truncated: a <dictionary> or <array> left open.
  if (stack.length > 0) return unexpected();
  return ok(root);
}

const PROTOCOL_KEYS: Record<ProxyProtocol, string> = { http: 'HTTP', https: 'HTTPS', socks: 'SOCKS', ftp: 'FTP' };

/** The macOS proxy settings in force from `scutil --proxy`. */
export function parseScutilProxy(output: string): Outcome<SystemProxy> {
  const parsed = parseScutilDict(output);
  if (!parsed.ok) return parsed;
  const dict = parsed.value;
  const str = (key: string): string => (typeof dict[key] === 'string' ? (dict[key] as string) : '');
  const enabled = (key: string): boolean => str(key) === '1';
  const proxy: SystemProxy = { mode: 'none', rawMode: '', servers: {}, pac: null, bypass: [] };
  for (const [protocol, key] of Object.entries(PROTOCOL_KEYS) as Array<[ProxyProtocol, string]>) {
    const host = str(`${key}Proxy`);
    if (enabled(`${key}Enable`) && host) proxy.servers[protocol] = hostPort(host, str(`${key}Port`));
  }
  if (enabled('ProxyAutoConfigEnable') && str('ProxyAutoConfigURLString')) proxy.pac = str('ProxyAutoConfigURLString');
  const flags = ['HTTPEnable', 'HTTPSEnable', 'SOCKSEnable', 'FTPEnable', 'ProxyAutoConfigEnable', 'ProxyAutoDiscoveryEnable'];
  proxy.rawMode = flags.filter(enabled).join(' ') || 'no proxy enabled';
  // A PAC decides over the manual servers; manual over auto-discovery.
  if (proxy.pac) proxy.mode = 'pac';
  else if (Object.keys(proxy.servers).length > 0) proxy.mode = 'manual';
  else if (enabled('ProxyAutoDiscoveryEnable')) proxy.mode = 'auto-detect';
  const exceptions = dict.ExceptionsList;
  if (proxy.mode !== 'none' && Array.isArray(exceptions)) {
    proxy.bypass = exceptions.filter((e): e is string => typeof e === 'string');
  }
  return ok(proxy);
}
