/** One sentence per changed variant: what the tool could tell its vendor about the user. */
import type { ProbeChange } from '../../../contract/snapshot.js';
import { COVERT_KINDS } from '../../../common/probe-findings.js';
import { countryName, countryOfTimeZone } from '../knowledge/countries.js';
import { isLabMatch, matchOrganization } from '../knowledge/organizations.js';
import type { ProbeFactorName as FactorName } from '../../../common/probe.js';

export { COVERT_KINDS };

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
    case 'timezone':
    case 'system-timezone': {
      const which = factor === 'timezone' ? 'time zone' : 'system time zone';
      const country = countryOfTimeZone(value);
      return country ? `your ${which} is in ${countryName(country)} (${value})` : `your ${which} (${value})`;
    }
    case 'locale': {
      const name = localeName(value);
      return name ? `your locale is ${name} (${value})` : `your locale (${value})`;
    }
    case 'proxy':
      return 'a proxy is set';
    case 'base-url': {
      // The same organisation knowledge as the inference rules, so the probe and the snapshot agree.
      const match = matchOrganization(value);
      if (!match) return `your base URL is a custom host (${value})`;
      const chinese = match.org.country === 'CN' ? 'Chinese ' : '';
      const what = isLabMatch(match) ? `${chinese}AI lab` : `${chinese}company`;
      return `your base URL belongs to a ${what} (${value}, ${match.org.name})`;
    }
  }
}

/** What a neutral variant of each factor stands for (see PlannedFactor.neutralValues). */
export const ANY_VALUE: Readonly<Record<FactorName, string>> = {
  timezone: 'any time zone',
  'system-timezone': 'any system time zone',
  locale: 'any locale',
  proxy: 'any proxy',
  'base-url': 'any custom host',
};

/**
 * Based on the changes that single the variant out. A variant compared with a neutral one that
 * itself changed the requests, and that shows no change of its own, is not told apart.
 */
export function disclosure(
  factor: FactorName,
  value: string,
  own: readonly ProbeChange[],
  comparedWith: { value: string; changed: boolean } | null = null,
): string | null {
  if (own.length === 0) {
    return comparedWith?.changed
      ? `The tool treats ${value} like ${ANY_VALUE[factor]}: its requests are the same as with ${comparedWith.value}.`
      : null;
  }
  const covert = [...new Set(own.map((c) => c.kind).filter((k) => COVERT_KINDS.has(k)))];
  // Local time alone tells the offset; Asia/Shanghai shares +08:00 with other countries' zones.
  if ((factor === 'timezone' || factor === 'system-timezone') && own.every((c) => c.kind === 'offset')) {
    return `The tool could tell its vendor your UTC offset (that of ${value}, shared by other time zones), openly: it writes local dates or times into its requests.`;
  }
  const how = covert.length > 0 ? `, hidden in ${covert.join('/')} changes of its requests` : ', openly in its requests';
  return `The tool could tell its vendor ${whatItTells(factor, value)}${how}.`;
}
