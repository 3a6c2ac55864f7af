/** When a snapshot was taken, in the sampled machine's local time with its UTC offset, and in UTC, written as the language writes dates. */
import type { Snapshot } from '../../../contract/snapshot.js';
import type { Language } from '../../../common/i18n/languages.js';
import { zoneLabel } from '../../../common/i18n/render.js';
import { translator } from '../../../common/i18n/translate.js';

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

/**
 * The date, the time and the UTC offset in `timeZone` (undefined: this runtime's zone). English
 * keeps the ISO order ("2026-11-24"), other languages their own ("2026年11月24日"); the time is
 * 24-hour and the offset "UTC+08:00" in every language.
 */
function wallClock(date: Date, timeZone: string | undefined, language: Language): { date: string; time: string; offset: string } {
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
  const day = language === 'en' ? `${part('year')}-${part('month')}-${part('day')}` : new Intl.DateTimeFormat(language, { timeZone, dateStyle: 'long' }).format(date);
  return { date: day, time: `${part('hour')}:${part('minute')}:${part('second')}`, offset };
}

/**
 * "2026-11-24 18:00:00 UTC+08:00 (Asia/Shanghai); 2026-11-24 10:00:00 UTC", or in Chinese
 * "2026年11月24日 18:00:00 UTC+08:00（Asia/Shanghai，中国标准时间）；UTC 2026年11月24日 10:00:00".
 * `zone` is the sampled machine's, so the report reads the same wherever it is rendered; the text
 * as given when it is not a date.
 */
export function formatInstant(iso: string, zone: string | undefined, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const t = translator(language);
  const local = wallClock(date, zone, language);
  const utc = t('report.time.utc', wallClock(date, 'UTC', language));
  const at = `${local.date} ${local.time} ${local.offset}`;
  if (!zone) return t('report.time.no-zone', { local: at, utc });
  return t('report.time.zone', { local: at, zone: zoneLabel(zone, language), utc });
}

/** When the snapshot was taken (see formatInstant), and the sampled zone the report's other dates use. */
export function reportTime(snapshot: Snapshot, language: Language): { text: string; zone: string | undefined } {
  const zone = sampledZone(snapshot);
  return { text: formatInstant(snapshot.takenAt, zone, language), zone };
}
