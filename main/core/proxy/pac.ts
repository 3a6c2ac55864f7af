import type { QuickJS } from 'quickjs-wasi';
import type { Signal, SystemProxySource } from '../../../contract/snapshot.js';
import { parseIpv4 } from '../geo/ip-address.js';
import { errorSignal, okSignal, unavailableSignal } from '../signal.js';
import type { SampleContext } from '../context.js';
import { parseUrlish } from '../url.js';
import { localPacPath, pacUrlSignal } from './system.js';

/** The request a PAC is asked about: an AI tool's API call. */
export const PAC_TARGET = 'https://api.anthropic.com/';
const PAC_TIMEOUT_MS = 2000;
const PAC_MEMORY_LIMIT = 32 * 1024 * 1024;

export type PacOutcome = { ok: true; result: string } | { ok: false; reason: string };

/**
 * PAC built-ins that would touch the network (DNS lookups; myIpAddress connects to 8.8.8.8) are
 * replaced by offline ones: names never resolve, only IP literals are matched, and our address is
 * loopback. Telltale makes no network connections, so a PAC may answer differently than in a browser.
 */
const OFFLINE_SANDBOX = {
  dnsResolve: (host: string): string | null => (parseIpv4(host) !== null ? host : null),
  isResolvable: (host: string): boolean => parseIpv4(host) !== null,
  myIpAddress: (): string => '127.0.0.1',
  isInNet: (host: string, pattern: string, mask: string): boolean => {
    const [h, p, m] = [parseIpv4(host), parseIpv4(pattern), parseIpv4(mask)];
    if (h === null || p === null || m === null) return false;
    // Unsigned compare of the masked network parts.
    return (h & m) >>> 0 === (p & m) >>> 0;
  },
};

/** Evaluates a PAC script for `url` in a fresh QuickJS sandbox, with a time and memory limit. */
export async function evaluatePac(script: string, url = PAC_TARGET, timeoutMs = PAC_TIMEOUT_MS): Promise<PacOutcome> {
  let deadline = Number.POSITIVE_INFINITY;
  let vm: QuickJS | undefined;
  // Loaded on first use: most machines have no local PAC, and the sandbox and parser are large.
  const [{ QuickJS: Sandbox }, { createPacResolver }] = await Promise.all([import('quickjs-wasi'), import('pac-resolver')]);
  try {
    vm = await Sandbox.create({ memoryLimit: PAC_MEMORY_LIMIT, interruptHandler: () => Date.now() > deadline });
    deadline = Date.now() + timeoutMs;
    const findProxyForURL = createPacResolver(vm, script, { sandbox: OFFLINE_SANDBOX });
    const result = await findProxyForURL(url);
    return typeof result === 'string' ? { ok: true, result } : { ok: false, reason: 'FindProxyForURL returned no string' };
  } catch (error) {
    const e = error as { name?: string; message?: string };
    const message = e.message === 'interrupted' ? `did not finish within ${timeoutMs} ms` : (e.message ?? String(error));
    return { ok: false, reason: `PAC script failed: ${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${message}` };
  } finally {
    vm?.dispose();
  }
}

const PAC_SCHEMES: Record<string, string> = {
  PROXY: 'http',
  HTTP: 'http',
  HTTPS: 'https',
  SOCKS: 'socks',
  SOCKS4: 'socks4',
  SOCKS5: 'socks5',
};

/** Meta for the first proxy in a PAC answer ("PROXY p.corp:8080; DIRECT"), host null for DIRECT. */
export function pacResultMeta(result: string): Record<string, string | number | null> {
  const [kind = '', server = ''] = (result.split(';')[0] ?? '').trim().split(/\s+/);
  const scheme = PAC_SCHEMES[kind.toUpperCase()];
  const parsed = scheme && server ? parseUrlish(server, scheme) : null;
  if (!parsed?.ok) return { host: null, port: null, scheme: null };
  return { host: parsed.url.host, port: parsed.url.port, scheme: parsed.url.scheme };
}

export interface PacInForce {
  url: string;
  /** Which system setting holds it. */
  source: SystemProxySource;
  /** Where that setting was read, e.g. "cmd:scutil --proxy". */
  origin: string;
}

/** proxy.pac for each PAC in force, and proxy.pac.result where the PAC is local and could be evaluated. */
export async function pacSignals(ctx: SampleContext, pacs: readonly PacInForce[]): Promise<Signal[]> {
  const signals: Signal[] = [];
  for (const pac of pacs) {
    const result = { kind: 'proxy', key: { source: 'pac-result', system: pac.source } } as const;
    signals.push(pacUrlSignal({ kind: 'proxy', key: { source: 'pac', system: pac.source } }, pac.url, pac.origin, { source: pac.source }));
    const path = localPacPath(pac.url);
    if (path === null) {
      signals.push(
        unavailableSignal(result, pac.origin, 'remote PAC not fetched (Telltale makes no network connections)'),
      );
      continue;
    }
    const origin = `file:${path}`;
    const text = await ctx.io.readText(path);
    if (!text.ok) {
      signals.push(errorSignal(result, origin, `PAC file unreadable: ${text.reason}`));
      continue;
    }
    const evaluated = await evaluatePac(text.value);
    signals.push(
      evaluated.ok
        ? okSignal(result, evaluated.result, origin, {
            ...pacResultMeta(evaluated.result),
            target: PAC_TARGET,
            source: pac.source,
          })
        : errorSignal(result, origin, evaluated.reason),
    );
  }
  return signals;
}
