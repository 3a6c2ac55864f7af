/**
 * Whether a date or number is written the way a locale writes it. `toLocaleDateString()` under
 * LANG=zh_CN.UTF-8 turns 2026-11-30 into 2026/11/30: the same separator swap the 2026 check used as
 * a covert channel, but here the tool only follows the locale, openly. Intl is the reference.
 */
import { parseFormatted } from './formats.js';

/** The locales (POSIX names, e.g. zh_CN.UTF-8) the baseline and the variant ran with. */
export interface LocalePair {
  baseline: string;
  variant: string;
}

/** zh_CN.UTF-8 -> zh-CN; null for C, POSIX or a name Intl does not accept. */
export function localeTag(posix: string): string | null {
  const tag = posix.split(/[.@]/)[0]?.replace('_', '-') ?? '';
  if (tag === '' || tag === 'C' || tag === 'POSIX') return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

const DATE_STYLES: Intl.DateTimeFormatOptions[] = [
  { dateStyle: 'full' },
  { dateStyle: 'long' },
  { dateStyle: 'medium' },
  { dateStyle: 'short' },
  // What toLocaleDateString() gives without options.
  { year: 'numeric', month: 'numeric', day: 'numeric' },
];

// Intl separates some parts with narrow or no-break spaces; tools and fonts often do not.
const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

/** The ways `locale` writes the date or whole number `token` says; empty when it is neither. */
function renderings(token: string, tag: string): string[] {
  const parsed = parseFormatted(token);
  if (parsed?.kind === 'date') {
    return parsed.readings.flatMap(({ year, month, day }) => {
      const at = Date.UTC(year, month - 1, day);
      return DATE_STYLES.map((style) => new Intl.DateTimeFormat(tag, { ...style, timeZone: 'UTC' }).format(at));
    });
  }
  if (parsed?.kind === 'number' && /^\d+$/.test(parsed.digits) && !/[.,]\d{1,2}$/.test(token)) {
    return [new Intl.NumberFormat(tag).format(Number(parsed.digits))];
  }
  return [];
}

/**
 * True when `variant` is how the variant's locale writes this value and not how the baseline's
 * does: the change follows the locale. Null-safe for unknown locales (false).
 */
export function followsLocale(variant: string, locales: LocalePair | null): boolean {
  if (!locales) return false;
  const v = localeTag(locales.variant);
  if (!v) return false;
  const b = localeTag(locales.baseline);
  const text = plainSpaces(variant);
  const inVariant = renderings(variant, v).some((r) => plainSpaces(r) === text);
  return inVariant && !(b !== null && renderings(variant, b).some((r) => plainSpaces(r) === text));
}
