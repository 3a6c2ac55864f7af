import type { Confidence } from '../../../contract/snapshot.js';
import type { Weight } from './rules.js';

/** One piece of evidence: the rule group it came from (its independence key) and its weight. */
export interface Piece {
  group: string;
  weight: Weight;
}

/**
 * Two or more independent groups agreeing -> high; one group -> medium if any of its evidence is
 * strong, else low. A group counts once however many signals it holds (TZ and /etc/localtime are
 * the same fact; so is a proxy seen through HTTPS_PROXY and through the effective proxy).
 */
export function combineConfidence(pieces: readonly Piece[]): Confidence {
  const groups = new Map<string, Weight>();
  for (const { group, weight } of pieces) if (groups.get(group) !== 'strong') groups.set(group, weight);
  if (groups.size >= 2) return 'high';
  return [...groups.values()].includes('strong') ? 'medium' : 'low';
}
