import type { Language } from '../../../common/i18n/languages.js';
import { translator } from '../../../common/i18n/translate.js';
import { formatNumber } from './count.js';

/**
 * "just now", "3 s ago", "4 min ago", "2 h ago", "3 d ago" ("刚刚", "3 秒前"); "unknown" for a missing
 * or bad timestamp. `language` defaults to English for callers not yet translated.
 */
export function relativeTime(iso: string | null | undefined, nowMs: number, language: Language): string {
  const t = translator(language);
  const then = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(then)) return t('unknown');
  const seconds = Math.round((nowMs - then) / 1000);
  const count = (n: number) => ({ count: formatNumber(n, language) });
  // Clocks of main and renderer may differ by a little: treat slight future times as now.
  if (seconds < 1) return t('ago.just-now');
  if (seconds < 60) return t('ago.seconds', count(seconds));
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('ago.minutes', count(minutes));
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('ago.hours', count(hours));
  return t('ago.days', count(Math.floor(hours / 24)));
}

const parsed = (iso: string | null | undefined): Date | null => {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

/** Local wall-clock time of an ISO timestamp in the language's form ("3:04:05 PM", "15:04:05"), for screen readers and tooltips. */
export function clockTime(iso: string | null | undefined, language: Language): string {
  const date = parsed(iso);
  return date ? date.toLocaleTimeString(language) : translator(language)('unknown');
}

/** Local date and time of an ISO timestamp in the language's form. */
export function dateTime(iso: string | null | undefined, language: Language): string {
  const date = parsed(iso);
  return date ? date.toLocaleString(language) : translator(language)('unknown');
}

/** The later of two ISO timestamps (a pushed snapshot can be newer than the last status), or null. */
export function latest(a: string | null | undefined, b: string | null | undefined): string | null {
  const ta = a ? Date.parse(a) : Number.NaN;
  const tb = b ? Date.parse(b) : Number.NaN;
  if (Number.isNaN(ta)) return Number.isNaN(tb) ? null : (b ?? null);
  return Number.isNaN(tb) || ta >= tb ? (a ?? null) : (b ?? null);
}
