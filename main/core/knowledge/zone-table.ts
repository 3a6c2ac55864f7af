/**
 * Compact zone -> country table, used only when the runtime's ICU lacks Intl.Locale time-zone
 * data (countries.ts derives the full mapping from ICU otherwise). Covers the zones people
 * commonly run with, old aliases included, so a small-ICU build still answers for them.
 */
export const FALLBACK_ZONE_COUNTRIES: Readonly<Record<string, string>> = {
  // China and its legacy aliases
  'Asia/Shanghai': 'CN', 'Asia/Urumqi': 'CN', 'Asia/Chongqing': 'CN', 'Asia/Chungking': 'CN',
  'Asia/Harbin': 'CN', 'Asia/Kashgar': 'CN', PRC: 'CN',
  'Asia/Hong_Kong': 'HK', Hongkong: 'HK', 'Asia/Macau': 'MO', 'Asia/Taipei': 'TW', ROC: 'TW',
  'Asia/Singapore': 'SG', Singapore: 'SG', 'Asia/Tokyo': 'JP', Japan: 'JP', 'Asia/Seoul': 'KR', ROK: 'KR',
  'Asia/Kolkata': 'IN', 'Asia/Calcutta': 'IN', 'Asia/Kuala_Lumpur': 'MY', 'Asia/Bangkok': 'TH',
  'Asia/Jakarta': 'ID', 'Asia/Manila': 'PH', 'Asia/Ho_Chi_Minh': 'VN', 'Asia/Saigon': 'VN',
  'Asia/Dubai': 'AE', 'Asia/Jerusalem': 'IL', 'Asia/Tel_Aviv': 'IL', 'Asia/Karachi': 'PK',
  'Asia/Dhaka': 'BD', 'Asia/Tehran': 'IR', Iran: 'IR', 'Asia/Riyadh': 'SA', 'Asia/Almaty': 'KZ',
  'Asia/Tashkent': 'UZ', 'Asia/Yekaterinburg': 'RU', 'Asia/Novosibirsk': 'RU', 'Asia/Vladivostok': 'RU',
  'Europe/Moscow': 'RU', 'W-SU': 'RU', 'Europe/Berlin': 'DE', 'Europe/Busingen': 'DE', 'Europe/Paris': 'FR',
  'Europe/London': 'GB', GB: 'GB', 'Europe/Dublin': 'IE', 'Europe/Amsterdam': 'NL', 'Europe/Brussels': 'BE',
  'Europe/Zurich': 'CH', 'Europe/Vienna': 'AT', 'Europe/Rome': 'IT', 'Europe/Madrid': 'ES',
  'Europe/Lisbon': 'PT', 'Europe/Stockholm': 'SE', 'Europe/Oslo': 'NO', 'Europe/Copenhagen': 'DK',
  'Europe/Helsinki': 'FI', 'Europe/Warsaw': 'PL', 'Europe/Prague': 'CZ', 'Europe/Budapest': 'HU',
  'Europe/Athens': 'GR', 'Europe/Istanbul': 'TR', 'Europe/Kyiv': 'UA', 'Europe/Kiev': 'UA',
  'Europe/Bucharest': 'RO',
  'America/New_York': 'US', 'America/Chicago': 'US', 'America/Denver': 'US', 'America/Phoenix': 'US',
  'America/Los_Angeles': 'US', 'America/Anchorage': 'US', 'Pacific/Honolulu': 'US', 'US/Eastern': 'US',
  'US/Central': 'US', 'US/Mountain': 'US', 'US/Pacific': 'US', 'America/Toronto': 'CA',
  'America/Vancouver': 'CA', 'America/Edmonton': 'CA', 'America/Winnipeg': 'CA', 'America/Halifax': 'CA',
  'America/Montreal': 'CA', 'America/Mexico_City': 'MX', 'America/Sao_Paulo': 'BR', 'America/Bogota': 'CO',
  'America/Lima': 'PE', 'America/Santiago': 'CL', 'America/Argentina/Buenos_Aires': 'AR',
  'America/Buenos_Aires': 'AR', 'Australia/Sydney': 'AU', 'Australia/Melbourne': 'AU',
  'Australia/Brisbane': 'AU', 'Australia/Perth': 'AU', 'Australia/Adelaide': 'AU',
  'Pacific/Auckland': 'NZ', NZ: 'NZ', 'Africa/Johannesburg': 'ZA', 'Africa/Lagos': 'NG',
  'Africa/Cairo': 'EG', Egypt: 'EG', 'Africa/Nairobi': 'KE',
};
