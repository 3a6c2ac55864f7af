/**
 * The probe's guard rails: it refuses to run when any URL it would hand the tool could lead
 * anywhere but the tap (as base URL or as proxy).
 */
import type { ProbeSafetyProblem } from '../../../contract/message.js';
import { parseUrlish } from '../url.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** What is wrong with a --hosts entry, which must be a bare public host name: no scheme, port, path, IP literal or loopback. */
export type HostProblem = 'url' | 'ip-address' | 'loopback' | 'invalid';

export function hostProblem(raw: string): HostProblem | null {
  const host = raw.trim().toLowerCase();
  if (/[:/@]/.test(host)) return 'url';
  if (/^[\d.]+$/.test(host)) return 'ip-address';
  if (LOOPBACK.has(host) || host.endsWith('.localhost')) return 'loopback';
  if (!HOSTNAME.test(host)) return 'invalid';
  return null;
}

/** Whether ICU knows the IANA zone. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const URLISH = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Assignments in the tool command itself (`env HTTPS_PROXY=http://corp:3128 tool`) that would send
 * traffic past the tap.
 */
export function commandProblems(command: readonly string[]): ProbeSafetyProblem[] {
  return command.flatMap((arg) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(arg);
    if (!m || !URLISH.test(m[2] ?? '')) return [];
    const parsed = parseUrlish(m[2] ?? '');
    return parsed.ok && LOOPBACK.has(parsed.url.host) ? [] : [{ id: 'probe-unsafe.command-sets-url' as const, variable: m[1] ?? '' }];
  });
}

function isLoopbackAt(value: string, port: number): boolean {
  const parsed = parseUrlish(value);
  return parsed.ok && LOOPBACK.has(parsed.url.host) && parsed.url.port === port;
}

function bypassesProxy(host: string, env: Record<string, string>): boolean {
  const entries = `${env.NO_PROXY ?? ''},${env.no_proxy ?? ''}`.split(/[,\s]+/).filter(Boolean);
  return entries.some((entry) => {
    const name = entry.replace(/:\d+$/, '').replace(/^\*?\.?/, '').toLowerCase();
    return entry === '*' || host === name || host.endsWith(`.${name}`);
  });
}

/**
 * Every URL-valued variable in an env the probe built (one planned environment, `id`): proxies must
 * be the tap; other URLs must reach the tap directly or go through a proxy that is the tap.
 */
export function envProblems({ id: environment, env }: { id: string; env: Record<string, string> }, tapPort: number): ProbeSafetyProblem[] {
  const problems: ProbeSafetyProblem[] = [];
  for (const [variable, value] of Object.entries(env)) {
    if (/^(all|https?|ftp|socks)_proxy$/i.test(variable)) {
      if (!isLoopbackAt(value, tapPort)) problems.push({ id: 'probe-unsafe.proxy-elsewhere', environment, variable, value });
      continue;
    }
    if (!URLISH.test(value)) continue;
    const parsed = parseUrlish(value);
    if (!parsed.ok) {
      problems.push({ id: 'probe-unsafe.bad-url', environment, variable, cause: parsed.reason });
      continue;
    }
    const { host, scheme } = parsed.url;
    const proxies = [`${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`, 'all_proxy', 'ALL_PROXY']
      .map((k) => env[k])
      .filter((v): v is string => Boolean(v));
    const direct = bypassesProxy(host, env) || proxies.length === 0;
    const reachesTap = direct ? isLoopbackAt(value, tapPort) : proxies.every((p) => isLoopbackAt(p, tapPort));
    if (!reachesTap) problems.push({ id: 'probe-unsafe.misses-tap', environment, variable, url: parsed.url.redacted });
  }
  return problems;
}
