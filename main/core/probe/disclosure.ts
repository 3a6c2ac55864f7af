/** One sentence per changed variant: what the tool could tell its vendor about the user. */
import type { ChangeKind, ProbeChange } from '../../../contract/snapshot.js';
import { hostOwner } from './hosts.js';
import type { FactorName } from './plan.js';

export const COVERT_KINDS: ReadonlySet<ChangeKind> = new Set(['confusable', 'invisible', 'format', 'whitespace']);

const ZONE_COUNTRY: Readonly<Record<string, string>> = {
  'Asia/Shanghai': 'China',
  'Asia/Urumqi': 'China',
  'Asia/Chongqing': 'China',
  'Asia/Harbin': 'China',
  'Asia/Kashgar': 'China',
  PRC: 'China',
  'Asia/Hong_Kong': 'Hong Kong',
  'Asia/Macau': 'Macao',
  'Asia/Taipei': 'Taiwan',
  'Asia/Tokyo': 'Japan',
  'Asia/Seoul': 'South Korea',
  'Asia/Singapore': 'Singapore',
  'America/New_York': 'the United States',
  'America/Los_Angeles': 'the United States',
  'America/Chicago': 'the United States',
  'Europe/Berlin': 'Germany',
  'Europe/London': 'the United Kingdom',
  'Europe/Paris': 'France',
};

function localeName(locale: string): string | null {
  const tag = locale.split('.')[0]?.replace('_', '-') ?? '';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? null;
  } catch {
    return null;
  }
}

function whatItTells(factor: FactorName, value: string): string {
  switch (factor) {
    case 'timezone': {
      const country = ZONE_COUNTRY[value];
      return country ? `your time zone is in ${country} (${value})` : `your time zone (${value})`;
    }
    case 'locale': {
      const name = localeName(value);
      return name ? `your locale is ${name} (${value})` : `your locale (${value})`;
    }
    case 'proxy':
      return 'a proxy is set';
    case 'base-url': {
      const owner = hostOwner(value);
      if (owner?.kind === 'chinese-ai-lab') return `your base URL belongs to a Chinese AI lab (${value}, ${owner.org})`;
      if (owner?.kind === 'chinese-company') return `your base URL belongs to a Chinese company (${value}, ${owner.org})`;
      return `your base URL is a custom host (${value})`;
    }
  }
}

export function disclosure(factor: FactorName, value: string, changes: readonly ProbeChange[]): string | null {
  if (changes.length === 0) return null;
  const covert = [...new Set(changes.map((c) => c.kind).filter((k) => COVERT_KINDS.has(k)))];
  const how = covert.length > 0 ? `, hidden in ${covert.join('/')} changes of its requests` : ', openly in its requests';
  return `The tool could tell its vendor ${whatItTells(factor, value)}${how}.`;
}
