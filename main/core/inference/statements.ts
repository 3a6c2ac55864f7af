/** An inference's headline as a message; its sentence in any language comes from common/i18n. */
import type { InferenceMessage } from '../../../contract/message.js';
import type { Confidence, InferenceId } from '../../../contract/snapshot.js';
import type { Relation } from './rules.js';

/** The headline, e.g. "Tools can tell you are probably in China (CN)" in English. */
export function headlineMessage(id: InferenceId, value: string | boolean, confidence: Confidence, relation: Relation = 'member'): InferenceMessage {
  const v = String(value);
  switch (id) {
    case 'location.country':
      return { id: 'inference.location.country', country: v, confidence };
    case 'network.proxy':
      return { id: 'inference.network.proxy', confidence };
    case 'network.proxy-country':
      return { id: 'inference.network.proxy-country', country: v, confidence };
    case 'affiliation.organization':
      return { id: 'inference.affiliation.organization', org: v, confidence };
    case 'affiliation.ai-lab':
      return { id: 'inference.affiliation.ai-lab', lab: v, confidence, relation };
  }
}
