/**
 * Whether a date or time that differs between two environments differs the way their time zones
 * do: a local date a day ahead of UTC in Asia/Shanghai after 16:00 UTC, a clock 8 hours ahead, an
 * offset written as +08:00. Such a change is overt (the tool shows local time) and tells the UTC
 * offset, which many zones share, not a country.
 */
import { dayNumber, type DateValue, type TokenComparison } from './formats.js';

/** The time zones (IANA names) the baseline and the variant ran in. */
export interface ZonePair {
  baseline: string;
  variant: string;
}

/** Minutes east of UTC of `zone` at `atMs`, or null for a zone this runtime does not know. */
export function zoneOffsetMinutes(zone: string, atMs: number): number | null {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(atMs)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name === undefined) return null;
    if (name === 'GMT') return 0;
    const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
    if (!m) return null;
    const minutes = Number(m[2]) * 60 + Number(m[3]);
    return m[1] === '-' ? -minutes : minutes;
  } catch {
    return null;
  }
}

/** "UTC+08:00", "UTC-05:00", "UTC". */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export type ShiftVerdict =
  /** The change is what the zones' offsets produce: the value is local time. */
  | { kind: 'zone'; baselineOffset: number; variantOffset: number }
  /** Both ran in one zone and the value moved by at most a day or a few minutes: the clock moved between runs. */
  | { kind: 'clock' }
  | { kind: 'unexplained' };

// Runs of one probe are minutes apart; a larger move of a clock is not the clock moving.
const CLOCK_SLACK_MINUTES = 15;

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** Why a date, date-time or time value changed between the baseline and the variant, given their zones. */
export function explainShift(comparison: TokenComparison, date: DateValue | null, zones: ZonePair | null): ShiftVerdict {
  const at = date ? dayNumber(date) * 86_400_000 + 43_200_000 : Date.now();
  const ob = zones ? zoneOffsetMinutes(zones.baseline, at) : null;
  const ov = zones ? zoneOffsetMinutes(zones.variant, at) : null;
  const diff = ob !== null && ov !== null ? ov - ob : null;
  const { dayShift, monthShift, minuteShift, offsets } = comparison;

  if (diff === 0 || (zones !== null && zones.baseline === zones.variant)) {
    const wrap = comparison.kind === 'time' ? 1440 : Infinity;
    const small =
      minuteShift !== null
        ? Math.min(Math.abs(minuteShift), wrap - Math.abs(minuteShift)) <= CLOCK_SLACK_MINUTES
        : (dayShift !== null && Math.abs(dayShift) <= 1) || (monthShift !== null && Math.abs(monthShift) <= 1);
    return small && offsets?.baseline === offsets?.variant ? { kind: 'clock' } : { kind: 'unexplained' };
  }
  if (diff === null || ob === null || ov === null) return { kind: 'unexplained' };
  const zone = { kind: 'zone', baselineOffset: ob, variantOffset: ov } as const;
  if (comparison.kind === 'datetime') {
    if (offsets) return offsets.baseline === ob && offsets.variant === ov ? zone : { kind: 'unexplained' };
    return minuteShift !== null && Math.abs(minuteShift - diff) <= CLOCK_SLACK_MINUTES ? zone : { kind: 'unexplained' };
  }
  // Within one day of offset difference, a local date is the other zone's date or one day on in the
  // offset's direction; a date written to the month moves a month when that day starts a month.
  const dateShift = dayShift ?? monthShift;
  if (comparison.kind === 'date' && dateShift !== null) {
    return dateShift === Math.sign(diff) ? zone : { kind: 'unexplained' };
  }
  if (comparison.kind === 'time' && minuteShift !== null) {
    const off = mod(minuteShift - diff, 1440);
    return off <= CLOCK_SLACK_MINUTES || off >= 1440 - CLOCK_SLACK_MINUTES ? zone : { kind: 'unexplained' };
  }
  return { kind: 'unexplained' };
}
