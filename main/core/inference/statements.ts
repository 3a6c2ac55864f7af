/** Sentences for inferences: a headline hedged by confidence, then the evidence. */
import type { Confidence, InferenceId } from '../../../contract/snapshot.js';
import { countryName } from '../knowledge/countries.js';
import type { Relation } from './rules.js';

const HEDGE: Readonly<Record<Confidence, string>> = { low: 'may', medium: 'probably', high: 'almost certainly' };

function country(code: string): string {
  const name = countryName(code);
  return name === code ? code : `${name} (${code})`;
}

/** The headline alone, e.g. "Tools can tell you are probably in China (CN)". */
export function headlineFor(id: InferenceId, value: string | boolean, confidence: Confidence, relation: Relation = 'member'): string {
  const hedge = HEDGE[confidence];
  const v = String(value);
  switch (id) {
    case 'location.country':
      return confidence === 'low' ? `Tools can guess you may be in ${country(v)}` : `Tools can tell you are ${hedge} in ${country(v)}`;
    case 'network.proxy':
      return confidence === 'low' ? 'Tools can see you may send HTTPS through a proxy' : 'Tools can see you send HTTPS through a proxy';
    case 'network.proxy-country':
      return `Tools can tell your proxy is ${confidence === 'low' ? 'possibly' : hedge} in ${country(v)}`;
    case 'affiliation.organization':
      return `Tools can tell you ${confidence === 'low' ? 'may' : hedge} work at or for ${v}`;
    case 'affiliation.ai-lab':
      return relation === 'user'
        ? `Your tools are pointed at ${v}'s API, so a tool can tell you use (and may work with) ${v}`
        : `Tools can tell you ${confidence === 'low' ? 'may' : hedge} work at or with the AI lab ${v}`;
  }
}

/** The full statement: headline, then the evidence phrases. */
export function statementFor(
  id: InferenceId,
  value: string | boolean,
  confidence: Confidence,
  details: readonly string[],
  relation?: Relation,
): string {
  const evidence = details.length ? `: ${details.join('; ')}` : '';
  return `${headlineFor(id, value, confidence, relation)}${evidence}.`;
}
