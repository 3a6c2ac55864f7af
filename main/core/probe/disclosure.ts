/** One sentence per changed variant: what the tool could tell its vendor about the user. */
import type { DisclosureFact, DisclosureMessage } from '../../../contract/message.js';
import type { ProbeChange } from '../../../contract/snapshot.js';
import { COVERT_KINDS } from '../../../common/probe-findings.js';
import { countryOfTimeZone } from '../knowledge/countries.js';
import { isLabMatch, matchOrganization } from '../knowledge/organizations.js';
import type { ProbeFactorName as FactorName } from '../../../common/probe.js';

export { COVERT_KINDS };

function whatItTells(factor: FactorName, value: string): DisclosureFact {
  switch (factor) {
    case 'timezone':
    case 'system-timezone': {
      const country = countryOfTimeZone(value);
      return { id: 'fact.zone', factor, zone: value, ...(country ? { country } : {}) };
    }
    case 'locale':
      return { id: 'fact.locale', locale: value };
    case 'proxy':
      return { id: 'fact.proxy' };
    case 'base-url': {
      // The same organisation knowledge as the inference rules, so the probe and the snapshot agree.
      const match = matchOrganization(value);
      if (!match) return { id: 'fact.custom-host', host: value };
      return { id: 'fact.org-host', host: value, org: match.org.name, orgKind: isLabMatch(match) ? 'ai-lab' : 'company', chinese: match.org.country === 'CN' };
    }
  }
}

/**
 * Based on the changes that single the variant out. A variant compared with a neutral one that
 * itself changed the requests, and that shows no change of its own, is not told apart. Null when
 * there is nothing to say.
 */
export function disclosureMessage(
  factor: FactorName,
  value: string,
  own: readonly ProbeChange[],
  comparedWith: { value: string; changed: boolean } | null = null,
): DisclosureMessage | null {
  if (own.length === 0) {
    return comparedWith?.changed ? { id: 'disclosure.same-as-neutral', factor, value, neutral: comparedWith.value } : null;
  }
  // Local time alone tells the offset; Asia/Shanghai shares +08:00 with other countries' zones.
  if ((factor === 'timezone' || factor === 'system-timezone') && own.every((c) => c.kind === 'offset')) {
    return { id: 'disclosure.utc-offset', zone: value };
  }
  const covert = [...new Set(own.map((c) => c.kind).filter((k) => COVERT_KINDS.has(k)))];
  return { id: 'disclosure.could-tell', fact: whatItTells(factor, value), covert };
}
