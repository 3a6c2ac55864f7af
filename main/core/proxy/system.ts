import type { Signal, SignalKey, SystemProxySetting, SystemProxySource } from '../../../contract/snapshot.js';
import { okSignal } from '../signal.js';
import { urlSignal } from '../url-signal.js';

export type { SystemProxySource };

/** Normalised across platforms: what decides where traffic goes. */
export type ProxyMode = 'none' | 'manual' | 'pac' | 'auto-detect' | 'environment';

export type ProxyProtocol = 'http' | 'https' | 'socks' | 'ftp';

/** A system proxy configuration as one platform stores it, reduced to what is in force. */
export interface SystemProxy {
  mode: ProxyMode;
  /** The mode as the platform spells it ("manual", "ProxyType=2", "ProxyEnable=0x1 ..."). */
  rawMode: string;
  /** Proxy servers in force, "host:port" or a URL as configured. */
  servers: Partial<Record<ProxyProtocol, string>>;
  /** PAC URL in force, or null. */
  pac: string | null;
  bypass: string[];
}

const DEFAULT_SCHEME: Record<ProxyProtocol, string> = { http: 'http', https: 'http', socks: 'socks5', ftp: 'http' };

export function systemProxySignals(source: SystemProxySource, proxy: SystemProxy, origin: string): Signal[] {
  const about = (setting: SystemProxySetting): SignalKey => ({ kind: 'proxy', key: { source: 'system', system: source, setting } });
  const signals: Signal[] = [okSignal(about('mode'), proxy.mode, origin, { raw: proxy.rawMode })];
  for (const [protocol, server] of Object.entries(proxy.servers) as Array<[ProxyProtocol, string]>) {
    signals.push(urlSignal(about(protocol), server, origin, { defaultScheme: DEFAULT_SCHEME[protocol] }));
  }
  if (proxy.pac) signals.push(pacUrlSignal(about('pac'), proxy.pac, origin));
  if (proxy.bypass.length > 0) signals.push(okSignal(about('bypass'), proxy.bypass, origin));
  return signals;
}

/** A PAC location: a URL (meta.host etc.) or a local file (meta.host null, scheme "file"). */
export function pacUrlSignal(about: SignalKey, pac: string, origin: string, meta: Signal['meta'] = {}): Signal {
  return localPacPath(pac) !== null && !/^file:/i.test(pac)
    ? okSignal(about, pac, origin, { host: null, port: null, scheme: 'file', ...meta })
    : urlSignal(about, pac, origin, { meta });
}

/** The local path of a PAC given as file:// URL or a plain path, or null for a remote PAC. */
export function localPacPath(pac: string): string | null {
  if (/^file:\/\//i.test(pac)) {
    try {
      return decodeURIComponent(new URL(pac).pathname).replace(/^\/([a-z]:)/i, '$1');
    } catch {
      return null;
    }
  }
  return pac.startsWith('/') || /^[a-z]:[\\/]/i.test(pac) ? pac : null;
}

/** "host:port" with an absent/zero port left off. */
export function hostPort(host: string, port: string | number | undefined): string {
  return port && String(port) !== '0' ? `${host}:${String(port)}` : host;
}
