import { getProxyForUrl } from 'proxy-from-env';
import type { Signal } from '../../../contract/snapshot.js';
import { okSignal } from '../signal.js';
import { urlSignal } from '../url-signal.js';

type Env = Readonly<Record<string, string | undefined>>;

const PROXY_VAR = /^(?:http|https|all|ftp|no)_proxy$/i;

/**
 * Public hosts whose effective proxy we report: what an AI tool's requests would go through. A
 * NO_PROXY that exempts the API host still leaves the proxy in force for the tools' telemetry and
 * update hosts, so the first of these that the proxy applies to is reported.
 */
export const PUBLIC_TARGETS = {
  https: ['https://api.anthropic.com/', 'https://statsig.anthropic.com/', 'https://api.openai.com/', 'https://generativelanguage.googleapis.com/', 'https://registry.npmjs.org/'],
  http: ['http://example.com/'],
} as const;

/** Proxy variables in the env, in any casing (Https_Proxy too), in a stable order. */
export function proxyVariables(env: Env): Array<[name: string, value: string]> {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => PROXY_VAR.test(entry[0]) && entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}

/** One signal per proxy variable as named; NO_PROXY keeps its raw list, the rest are redacted URLs. */
export function proxyEnvSignals(env: Env): Signal[] {
  return proxyVariables(env).map(([name, value]) =>
    /^no_proxy$/i.test(name)
      ? okSignal({ kind: 'proxy', key: { source: 'env', variable: name } }, value, `env:${name}`)
      : urlSignal({ kind: 'proxy', key: { source: 'env', variable: name } }, value, `env:${name}`),
  );
}

/** The lowercase-then-uppercase lookup proxy-from-env itself does. */
function envValue(env: Env, key: string): { name: string; value: string } | null {
  for (const name of [key.toLowerCase(), key.toUpperCase()]) {
    const value = env[name];
    if (value) return { name, value };
  }
  return null;
}

/**
 * proxy-from-env v2 only reads process.env (getProxyForUrl takes no env argument), so we swap in a
 * copy of ctx.env for the duration of this synchronous call and restore it before returning;
 * no other code can run in between.
 */
export function proxyForUrl(env: Env, url: string): string {
  const saved = process.env;
  process.env = { ...env };
  try {
    return getProxyForUrl(url);
  } finally {
    process.env = saved;
  }
}

/** NO_PROXY entries as proxy-from-env splits them (commas and whitespace). */
export function noProxyEntries(value: string): string[] {
  return value.split(/[,\s]+/).filter(Boolean);
}

export function effectiveProxySignals(env: Env): Signal[] {
  const noProxy = envValue(env, 'no_proxy');
  const signals: Signal[] = [];
  for (const scheme of ['https', 'http'] as const) {
    const about = { kind: 'proxy', key: { source: 'effective', scheme } } as const;
    const targets = PUBLIC_TARGETS[scheme];
    const bypassed: string[] = [];
    let proxy = '';
    for (const url of targets) {
      proxy = proxyForUrl(env, url);
      if (proxy) break;
      bypassed.push(new URL(url).hostname);
    }
    const target = targets[bypassed.length] ?? targets[0];
    const from = envValue(env, `${scheme}_proxy`) ?? envValue(env, 'all_proxy');
    if (proxy) {
      const meta: Record<string, string> = bypassed.length > 0 ? { target, bypassed: bypassed.join(', ') } : { target };
      signals.push(urlSignal(about, proxy, `env:${from?.name ?? 'all_proxy'}`, { meta }));
    } else {
      // Either no variable applies, or NO_PROXY bypasses it for this host.
      const source = from && noProxy ? `env:${noProxy.name}` : 'env';
      signals.push(okSignal(about, null, source, { target, host: null, port: null, scheme: null }));
    }
  }
  if (noProxy) {
    const about = { kind: 'proxy', key: { source: 'no-proxy', variable: noProxy.name } } as const;
    signals.push(okSignal(about, noProxyEntries(noProxy.value), `env:${noProxy.name}`));
  }
  return signals;
}
