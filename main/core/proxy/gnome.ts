import { fail, ok, type Outcome } from '../context.js';
import { hostPort, type ProxyProtocol, type SystemProxy } from './system.js';

/** The one gsettings call that returns all GNOME proxy keys. */
export const GSETTINGS_ARGS = ['list-recursively', 'org.gnome.system.proxy'] as const;

type GValue = string | number | boolean | string[];

/** Parses the GVariant text forms gsettings prints: 'str', 42, true, ['a', 'b'], @as []. */
export function parseGVariant(text: string): GValue {
  const t = text.trim().replace(/^@\w+\s+/, '');
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+$/.test(t)) return Number(t);
  if (t.startsWith('[')) return [...t.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => unescape(m[1] ?? m[2] ?? ''));
  const quoted = /^'((?:[^'\\]|\\.)*)'$|^"((?:[^"\\]|\\.)*)"$/.exec(t);
  return quoted ? unescape(quoted[1] ?? quoted[2] ?? '') : t;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** `gsettings list-recursively org.gnome.system.proxy` -> keys by "schema key". */
export function parseGsettingsList(output: string): Map<string, GValue> {
  const values = new Map<string, GValue>();
  for (const line of output.split('\n')) {
    const m = /^(org\.gnome\.system\.proxy(?:\.\w+)?)\s+([\w-]+)\s+(.*)$/.exec(line.trim());
    if (m) values.set(`${m[1]} ${m[2]}`, parseGVariant(m[3] ?? ''));
  }
  return values;
}

const PROTOCOLS: ProxyProtocol[] = ['http', 'https', 'socks', 'ftp'];

/** The GNOME proxy settings in force. Credentials (authentication-password) are never read. */
export function parseGnomeProxy(output: string): Outcome<SystemProxy> {
  const values = parseGsettingsList(output);
  const rawMode = values.get('org.gnome.system.proxy mode');
  if (typeof rawMode !== 'string') return fail({ id: 'reason.output.unexpected', command: 'gsettings', detail: 'org.gnome.system.proxy mode' });
  const str = (key: string): string => {
    const v = values.get(key);
    return typeof v === 'string' ? v : '';
  };
  const ignore = values.get('org.gnome.system.proxy ignore-hosts');
  const bypass = Array.isArray(ignore) ? ignore : [];
  const proxy: SystemProxy = { mode: 'none', rawMode, servers: {}, pac: null, bypass: [] };
  if (rawMode === 'manual') {
    proxy.mode = 'manual';
    proxy.bypass = bypass;
    for (const protocol of PROTOCOLS) {
      const host = str(`org.gnome.system.proxy.${protocol} host`);
      const port = values.get(`org.gnome.system.proxy.${protocol} port`);
      if (host) proxy.servers[protocol] = hostPort(host, typeof port === 'number' ? port : undefined);
    }
  } else if (rawMode === 'auto') {
    const pac = str('org.gnome.system.proxy autoconfig-url');
    proxy.mode = pac ? 'pac' : 'auto-detect';
    proxy.pac = pac || null;
    proxy.bypass = bypass;
  }
  return ok(proxy);
}
