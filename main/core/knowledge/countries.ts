/**
 * Countries as ISO 3166-1 alpha-2 codes, with time zones taken from the ICU data that ships with
 * Node/Electron (Intl), so the table never goes stale with the runtime (names: common/i18n/names.ts).
 */
import { FALLBACK_ZONE_COUNTRIES } from './zone-table.js';

type LocaleWithZones = Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };

/** Zones ICU assigns to a region; V8 has exposed this as a getter and later as a method. */
function zonesOfRegion(region: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${region}`) as LocaleWithZones;
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

let zoneCountries: ReadonlyMap<string, string> | undefined;

/** Canonical zone -> country, built once from ICU; falls back to a compact table if ICU lacks the data. */
function zoneCountryMap(): ReadonlyMap<string, string> {
  if (zoneCountries) return zoneCountries;
  const map = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  // Asking ICU for the zones of a code it has no name for costs as much as for a real one:
  // skipping the ~400 unassigned codes makes the table three times cheaper to build.
  const known = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const a of letters) {
    for (const b of letters) {
      if (!known.of(`${a}${b}`)) continue;
      const region = new Intl.Locale(`und-${a}${b}`).region ?? `${a}${b}`; // "UK" canonicalises to "GB"
      for (const zone of zonesOfRegion(`${a}${b}`)) if (!map.has(zone)) map.set(zone, region);
    }
  }
  if (map.size === 0) for (const [zone, country] of Object.entries(FALLBACK_ZONE_COUNTRIES)) map.set(zone, country);
  zoneCountries = map;
  return map;
}

/** ICU's canonical name for a zone ("PRC" -> "Asia/Shanghai", "US/Pacific" -> "America/Los_Angeles"). */
export function canonicalTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

/** The country a time zone belongs to, or null for UTC/Etc zones and unknown names. */
export function countryOfTimeZone(zone: string): string | null {
  const map = zoneCountryMap();
  const name = zone.trim().replace(/^:/, ''); // TZ=":Asia/Shanghai" is valid POSIX
  return map.get(canonicalTimeZone(name)) ?? map.get(name) ?? FALLBACK_ZONE_COUNTRIES[name] ?? null;
}

let countryCodes: ReadonlySet<string> | undefined;

/** True for a two-letter code of a country or territory with its own time zones (not "EU", "UN"). */
export function isCountryCode(code: string): boolean {
  countryCodes ??= new Set(zoneCountryMap().values());
  return countryCodes.has(code);
}

/**
 * The territory of a POSIX or BCP 47 locale ("zh_CN.UTF-8", "zh-Hans-CN", "sr_RS@latin"), or null
 * when it names none.
 */
export function territoryOfLocale(locale: string): string | null {
  const tag = locale.trim().split(/[.@:]/)[0]?.replace(/_/g, '-') ?? '';
  if (!tag || tag === 'C' || tag === 'POSIX') return null;
  try {
    const region = new Intl.Locale(tag).region;
    return region && isCountryCode(region) ? region : null;
  } catch {
    return null;
  }
}
