/** Dates for people: local wall-clock time with its UTC offset, so a date read elsewhere stays unambiguous. */
import type { Language } from './i18n/languages.js';
import { translator } from './i18n/translate.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** "+08:00", "-05:00", "+00:00" for an offset east of UTC in minutes. */
export function formatUtcOffset(minutesEast: number): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const abs = Math.abs(minutesEast);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * "2026-11-24 18:00 (UTC+08:00)", in Chinese "2026-11-24 18:00（UTC+08:00）". The offset defaults to
 * the local zone's at that instant (the browser's or the process's); "unknown" for a missing or
 * unreadable timestamp. The numbers read the same in every language Telltale speaks.
 */
export function formatLocalDateTime(iso: string | null | undefined, minutesEast: number | undefined, language: Language): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  const t = translator(language);
  if (Number.isNaN(ms)) return t('unknown');
  const offset = minutesEast ?? -new Date(ms).getTimezoneOffset();
  const local = new Date(ms + offset * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return t('local-time', { date, time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`, offset: formatUtcOffset(offset) });
}
