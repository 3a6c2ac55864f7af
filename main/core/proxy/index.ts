import { join } from 'node:path';
import type { Signal } from '../../../contract/snapshot.js';
import type { Outcome, SampleContext } from '../context.js';
import { displayPath, errorSignal, unavailableSignal, type SignalSampler } from '../signal.js';
import { effectiveProxySignals, proxyEnvSignals } from './env.js';
import { GSETTINGS_ARGS, parseGnomeProxy } from './gnome.js';
import { parseKioslaverc } from './kde.js';
import { parseScutilProxy } from './macos.js';
import { pacSignals, type PacInForce } from './pac.js';
import { systemProxySignals, type SystemProxy, type SystemProxySource } from './system.js';
import { INTERNET_SETTINGS_KEY, parseWindowsInternetSettings } from './windows.js';

interface SystemReading {
  signals: Signal[];
  pac: PacInForce | null;
}

/** Signals from one system source: unavailable if it could not be read, error if it did not parse. */
function systemReading(
  source: SystemProxySource,
  origin: string,
  text: Outcome<string>,
  parse: (text: string) => Outcome<SystemProxy>,
): SystemReading {
  const mode = { kind: 'proxy', key: { source: 'system', system: source, setting: 'mode' } } as const;
  if (!text.ok) return { signals: [unavailableSignal(mode, origin, text.reason)], pac: null };
  const parsed = parse(text.value);
  if (!parsed.ok) return { signals: [errorSignal(mode, origin, parsed.reason)], pac: null };
  const { pac } = parsed.value;
  return { signals: systemProxySignals(source, parsed.value, origin), pac: pac ? { url: pac, source, origin } : null };
}

async function fromCommand(
  ctx: SampleContext,
  source: SystemProxySource,
  command: string,
  args: readonly string[],
  parse: (text: string) => Outcome<SystemProxy>,
): Promise<SystemReading> {
  const origin = `cmd:${[command, ...args].join(' ')}`;
  return systemReading(source, origin, await ctx.io.run(command, args), parse);
}

async function readKde(ctx: SampleContext): Promise<SystemReading> {
  const path = join(ctx.env.XDG_CONFIG_HOME || join(ctx.home, '.config'), 'kioslaverc');
  return systemReading('kde', `file:${displayPath(path, ctx.home)}`, await ctx.io.readText(path), parseKioslaverc);
}

function readSystem(ctx: SampleContext): Array<Promise<SystemReading>> {
  switch (ctx.platform) {
    case 'darwin':
      return [fromCommand(ctx, 'macos', 'scutil', ['--proxy'], parseScutilProxy)];
    case 'win32':
      return [fromCommand(ctx, 'windows', 'reg', ['query', INTERNET_SETTINGS_KEY], parseWindowsInternetSettings)];
    default:
      return [fromCommand(ctx, 'gnome', 'gsettings', GSETTINGS_ARGS, parseGnomeProxy), readKde(ctx)];
  }
}

/**
 * Proxy settings: env variables (any casing) and the effective proxy after NO_PROXY, the desktop's
 * system proxy (GNOME, KDE, macOS, Windows) and any PAC in force. Never throws.
 */
export const sampleProxy: SignalSampler = async (ctx) => {
  const signals: Signal[] = [...proxyEnvSignals(ctx.env), ...effectiveProxySignals(ctx.env)];
  const readings = await Promise.all(readSystem(ctx));
  signals.push(...readings.flatMap((r) => r.signals));
  const pacs = readings.flatMap((r) => (r.pac ? [r.pac] : []));
  signals.push(...(await pacSignals(ctx, pacs)));
  return signals;
};

export { effectiveProxySignals, noProxyEntries, proxyEnvSignals, proxyForUrl } from './env.js';
export { parseGnomeProxy, parseGsettingsList, parseGVariant } from './gnome.js';
export { parseKioslaverc } from './kde.js';
export { parseScutilDict, parseScutilProxy } from './macos.js';
export { pacResultMeta, pacSignals, PAC_TARGET, PAC_TIMEOUT_MS } from './pac.js';
export { localPacPath, systemProxySignals, type ProxyMode, type SystemProxy } from './system.js';
export { parseProxyServer, parseRegQuery, parseWindowsInternetSettings } from './windows.js';
