import type { Signal, TimezoneSource } from '../../../contract/snapshot.js';
import type { SampleContext } from '../context.js';
import { errorSignal, okSignal, unavailableSignal, unsetSignal, type SignalSampler } from '../signal.js';
import { appleLocaleSignal, intlLocaleSignal, localeEnvSignals } from './locale.js';
import {
  canonicalZone,
  parseEtcTimezone,
  parseLocaltimeTarget,
  parseTzEnv,
  resolvedZoneSignals,
  zoneSignal,
  type ZoneCandidate,
  type ZoneOutcome,
} from './timezone.js';

async function zoneCandidates(ctx: SampleContext): Promise<{ signals: Signal[]; candidates: ZoneCandidate[] }> {
  const signals: Signal[] = [];
  const candidates: ZoneCandidate[] = [];
  const add = (from: TimezoneSource, source: string, outcome: ZoneOutcome, raw: string) => {
    signals.push(zoneSignal(from, source, outcome, raw));
    candidates.push({ from, source, outcome });
  };
  const localtime = { kind: 'timezone', key: { source: 'localtime' } } as const;
  const windows = { kind: 'timezone', key: { source: 'windows' } } as const;

  const tz = ctx.env.TZ;
  if (tz) add('env', 'env:TZ', parseTzEnv(tz), tz);

  if (ctx.platform !== 'win32') {
    const target = await ctx.io.realPath('/etc/localtime');
    if (target.ok && target.value === '/etc/localtime') {
      signals.push(unavailableSignal(localtime, 'file:/etc/localtime', { id: 'reason.zone.copied-file' }));
    } else if (target.ok) add('localtime', 'file:/etc/localtime', parseLocaltimeTarget(target.value), target.value);
    else signals.push(unavailableSignal(localtime, 'file:/etc/localtime', target.reason));

    const text = await ctx.io.readText('/etc/timezone');
    // Only Debian-family systems have /etc/timezone; its absence is not worth a signal.
    if (text.ok) add('etc-timezone', 'file:/etc/timezone', parseEtcTimezone(text.value), text.value.trim());
  } else {
    const out = await ctx.io.run('tzutil', ['/g']);
    signals.push(
      out.ok
        ? okSignal(windows, out.value.trim(), 'cmd:tzutil /g')
        : unavailableSignal(windows, 'cmd:tzutil /g', out.reason),
    );
  }

  // Intl reflects this process (its TZ and ICU), not necessarily the user's session: last resort.
  const intl = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const intlZone = canonicalZone(intl);
  add('intl', 'intl (this process)', intlZone ? { ok: true, zone: intlZone } : { ok: false, reason: { id: 'reason.zone.not-iana', where: 'Intl', value: intl } as const }, intl);
  return { signals, candidates };
}

async function appleLocale(ctx: SampleContext): Promise<Signal[]> {
  if (ctx.platform !== 'darwin') return [];
  const source = 'cmd:defaults read -g AppleLocale';
  const out = await ctx.io.run('defaults', ['read', '-g', 'AppleLocale']);
  const about = { kind: 'locale', key: { variable: 'AppleLocale' } } as const;
  if (out.ok) return [appleLocaleSignal(out.value, source)];
  // `defaults read` exits 1 when the default does not exist: never set, not a failure.
  return [out.exitCode === 1 ? unsetSignal(about, source) : errorSignal(about, source, out.reason)];
}

/** Time zone (TZ, /etc/localtime, /etc/timezone, Intl; the best as timezone.iana) and locale. Never throws. */
export const sampleLocale: SignalSampler = async (ctx) => {
  const { signals, candidates } = await zoneCandidates(ctx);
  return [
    ...signals,
    ...resolvedZoneSignals(candidates, new Date()),
    ...localeEnvSignals(ctx.env),
    intlLocaleSignal(Intl.DateTimeFormat().resolvedOptions().locale),
    ...(await appleLocale(ctx)),
  ];
};

export { appleLocaleSignal, intlLocaleSignal, localeEnvSignals, parseBcp47, parsePosixLocale, type LocaleParts } from './locale.js';
export {
  canonicalZone,
  parseEtcTimezone,
  parseLocaltimeTarget,
  parseTzEnv,
  resolvedZoneSignals,
  zoneFromPath,
  zoneOffsetMinutes,
  zoneSignal,
  type ZoneCandidate,
  type ZoneOutcome,
} from './timezone.js';
