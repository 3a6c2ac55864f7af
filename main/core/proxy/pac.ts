import type { Signal, SystemProxySource } from '../../../contract/snapshot.js';
import { errorSignal, okSignal, unavailableSignal } from '../signal.js';
import type { SampleContext } from '../context.js';
import { parseUrlish } from '../url.js';
import { localPacPath, pacUrlSignal } from './system.js';

/** The request a PAC is asked about: an AI tool's API call. */
export const PAC_TARGET = 'https://api.anthropic.com/';
export const PAC_TIMEOUT_MS = 2000;

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
      signals.push(unavailableSignal(result, pac.origin, { id: 'reason.pac.remote' }));
      continue;
    }
    const origin = `file:${path}`;
    const text = await ctx.io.readText(path);
    if (!text.ok) {
      signals.push(errorSignal(result, origin, text.reason));
      continue;
    }
    const evaluated = await ctx.io.evaluatePac(text.value, PAC_TARGET, PAC_TIMEOUT_MS);
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
