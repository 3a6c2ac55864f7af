import type { ReasonCause } from '../../../contract/reason.js';
import type { Signal, TimezoneSource } from '../../../contract/snapshot.js';
import { signalId } from '../../../contract/signal-key.js';
import { errorSignal, okSignal } from '../signal.js';
import { excerpt } from '../excerpt.js';

export type ZoneOutcome = { ok: true; zone: string } | { ok: false; reason: ReasonCause };

/** The canonical IANA name if Intl knows the zone ("asia/shanghai" -> "Asia/Shanghai"), else null. */
export function canonicalZone(name: string): string | null {
  if (!/^[A-Za-z][\w+-]*(?:\/[\w+-]+)*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone name in a zoneinfo path: "/usr/share/zoneinfo/Asia/Shanghai" -> "Asia/Shanghai". */
export function zoneFromPath(path: string): string | null {
  const i = path.lastIndexOf('zoneinfo/');
  return i < 0 ? null : path.slice(i + 'zoneinfo/'.length) || null;
}

/** TZ as glibc reads it: "Asia/Shanghai", ":Asia/Shanghai" or a zoneinfo file path. */
export function parseTzEnv(raw: string): ZoneOutcome {
  const text = raw.trim().replace(/^:/, '');
  const name = text.startsWith('/') ? zoneFromPath(text) : text;
  const zone = name ? canonicalZone(name) : null;
  return zone ? { ok: true, zone } : { ok: false, reason: { id: 'reason.zone.not-iana', where: 'TZ', value: excerpt(raw) } };
}

/** /etc/timezone holds one zone name (Debian). */
export function parseEtcTimezone(text: string): ZoneOutcome {
  const name = text.split('\n')[0]?.trim() ?? '';
  const zone = name ? canonicalZone(name) : null;
  return zone ? { ok: true, zone } : { ok: false, reason: { id: 'reason.zone.not-iana', where: '/etc/timezone', value: name.slice(0, 60) } };
}

/** The /etc/localtime symlink target -> zone name. */
export function parseLocaltimeTarget(target: string): ZoneOutcome {
  const name = zoneFromPath(target);
  const zone = name ? canonicalZone(name) : null;
  return zone ? { ok: true, zone } : { ok: false, reason: { id: 'reason.zone.outside-zoneinfo', target: excerpt(target) } };
}

/** UTC offset of `zone` at `date` in minutes east of UTC (Asia/Shanghai -> 480). */
export function zoneOffsetMinutes(zone: string, date: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0; // "GMT" alone: UTC
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** A raw zone source, as a signal: ok with the zone, or error with the reason. */
export function zoneSignal(from: TimezoneSource, source: string, outcome: ZoneOutcome, raw: string): Signal {
  const about = { kind: 'timezone', key: { source: from } } as const;
  return outcome.ok
    ? okSignal(about, outcome.zone, source, outcome.zone === raw ? undefined : { raw })
    : errorSignal(about, source, outcome.reason);
}

export interface ZoneCandidate {
  from: TimezoneSource;
  source: string;
  /** Only whether it gave a zone matters here: why not is in the source's own signal. */
  outcome: { ok: true; zone: string } | { ok: false };
}

/**
 * timezone.iana from the raw sources, best first (TZ, /etc/localtime, /etc/timezone, Intl), and
 * timezone.offset for it now.
 */
export function resolvedZoneSignals(candidates: readonly ZoneCandidate[], now: Date): Signal[] {
  const best = candidates.find((c) => c.outcome.ok);
  const resolved = { kind: 'timezone', key: { source: 'resolved' } } as const;
  if (!best?.outcome.ok) return [errorSignal(resolved, 'none', { id: 'reason.zone.none' })];
  const { zone } = best.outcome;
  const offset = { kind: 'timezone', key: { source: 'offset' } } as const;
  return [
    okSignal(resolved, zone, best.source, { from: signalId({ kind: 'timezone', key: { source: best.from } }) }),
    okSignal(offset, zoneOffsetMinutes(zone, now), best.source, { zone, unit: 'minutes east of UTC' }),
  ];
}
