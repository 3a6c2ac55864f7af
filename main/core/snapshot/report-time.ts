/** When a snapshot was taken, in the sampled machine's local time with its UTC offset, and in UTC. */
import type { Snapshot } from '../../../contract/snapshot.js';

/** The machine's IANA zone as sampled (timezone.iana), if it is one this runtime knows. */
function sampledZone(snapshot: Snapshot): string | undefined {
  const signal = snapshot.signals.find((s) => s.kind === 'timezone' && s.key.source === 'resolved' && s.status === 'ok');
  const zone = typeof signal?.value === 'string' ? signal.value : undefined;
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** "2026-11-24 18:00:00 UTC+08:00" in `timeZone` (undefined: this runtime's zone). */
function wallClock(date: Date, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // longOffset says "GMT+08:00", and just "GMT" at zero.
  const offset = part('timeZoneName').replace(/^GMT$/, 'GMT+00:00').replace(/^GMT/, 'UTC');
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${offset}`;
}

/**
 * "2026-11-24 18:00:00 UTC+08:00 (Asia/Shanghai); 2026-11-24 10:00:00 UTC". The zone is the sampled
 * machine's, so the report reads the same wherever it is rendered; the text as given when it is not a date.
 */
export function reportTime(snapshot: Snapshot): string {
  const date = new Date(snapshot.takenAt);
  if (Number.isNaN(date.getTime())) return snapshot.takenAt;
  const zone = sampledZone(snapshot);
  const utc = wallClock(date, 'UTC').replace(/ UTC\+00:00$/, ' UTC');
  return `${wallClock(date, zone)}${zone ? ` (${zone})` : ''}; ${utc}`;
}
