/** Where a request to an HTTP proxy was meant to go, from its request line. */
import type { ReachEvent } from './reach.js';

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };

/** "CONNECT host:443 HTTP/1.1" or "GET http://host/path HTTP/1.1"; null for anything else. */
export function proxyTarget(requestLine: string): ReachEvent | null {
  const [method, target, version] = requestLine.trim().split(' ');
  if (!method || !target || !version?.startsWith('HTTP/')) return null;
  if (method.toUpperCase() === 'CONNECT') {
    const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(target);
    if (!m?.[1]) return null;
    return { host: m[1], port: Number(m[2]), via: 'proxy-connect' };
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  if (!url.hostname) return null;
  return { host: url.hostname, port: url.port ? Number(url.port) : (DEFAULT_PORTS[url.protocol] ?? null), via: 'proxy-request' };
}
