import { fail, ok, type Outcome } from '../context.js';
import type { ProxyProtocol, SystemProxy } from './system.js';

export const INTERNET_SETTINGS_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

/** Values of the first key in `reg query` output: "    Name    REG_TYPE    data". */
export function parseRegQuery(output: string): Map<string, string> {
  const values = new Map<string, string>();
  let keys = 0;
  for (const line of output.split(/\r?\n/)) {
    if (/^HKEY_/i.test(line)) {
      keys += 1;
      continue;
    }
    if (keys > 1) break; // subkeys (with /s) are not ours
    const m = /^\s+(.+?)\s{2,}(REG_[A-Z_]+)(?:\s{2,}(.*))?$/.exec(line);
    if (m) values.set(m[1] ?? '', (m[3] ?? '').trim());
  }
  return values;
}

const PROTOCOLS: Record<string, ProxyProtocol> = { http: 'http', https: 'https', socks: 'socks', ftp: 'ftp' };

/** ProxyServer: "host:port" (all protocols) or "http=h:p;https=h:p;socks=h:p". */
export function parseProxyServer(value: string): Partial<Record<ProxyProtocol, string>> {
  const servers: Partial<Record<ProxyProtocol, string>> = {};
  if (!value.includes('=')) {
    if (value) Object.assign(servers, { http: value, https: value, ftp: value });
    return servers;
  }
  for (const part of value.split(';')) {
    const [name, server] = part.split('=', 2).map((s) => s.trim());
    const protocol = PROTOCOLS[(name ?? '').toLowerCase()];
    if (protocol && server) servers[protocol] = server;
  }
  return servers;
}

/** The WinINET proxy settings in force from `reg query "HKCU\...\Internet Settings"`. */
export function parseWindowsInternetSettings(output: string): Outcome<SystemProxy> {
  const values = parseRegQuery(output);
  if (values.size === 0) return fail({ id: 'reason.output.unexpected', command: 'reg query' });
  const enable = values.get('ProxyEnable') ?? '0x0';
  const enabled = /^0x0*1$/i.test(enable);
  const pac = values.get('AutoConfigURL') || null;
  const servers = enabled ? parseProxyServer(values.get('ProxyServer') ?? '') : {};
  const proxy: SystemProxy = {
    mode: 'none',
    rawMode: `ProxyEnable=${enable}${pac ? ' AutoConfigURL' : ''}`,
    servers,
    pac,
    bypass: [],
  };
  if (pac) proxy.mode = 'pac';
  else if (Object.keys(servers).length > 0) proxy.mode = 'manual';
  if (proxy.mode !== 'none') proxy.bypass = (values.get('ProxyOverride') ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  return ok(proxy);
}
