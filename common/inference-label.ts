/** An inference in a few words ("Country: China (CN)"), for summaries and diffs where its full statement is too long. */
import type { Inference, InferenceId } from '../contract/snapshot.js';
import { countryLabel } from './overview.js';

const LABELS: Readonly<Record<InferenceId, string>> = {
  'location.country': 'Country',
  'network.proxy': 'Proxy in use',
  'network.proxy-country': 'Proxy country',
  'affiliation.organization': 'Employer',
  'affiliation.ai-lab': 'AI lab',
};

const COUNTRY_VALUED: ReadonlySet<InferenceId> = new Set(['location.country', 'network.proxy-country']);

/** "Country"; the id itself for an id this build does not know (a newer export's). */
export function inferenceLabel(id: InferenceId): string {
  return LABELS[id] ?? id;
}

/** The value in words: "China (CN)", "yes", "Alibaba". */
export function inferenceValue(inference: Pick<Inference, 'id' | 'value'>): string {
  if (typeof inference.value === 'boolean') return inference.value ? 'yes' : 'no';
  return COUNTRY_VALUED.has(inference.id) ? countryLabel(inference.value) : inference.value;
}

/** "Country: China (CN)". */
export function inferenceShort(inference: Pick<Inference, 'id' | 'value'>): string {
  return `${inferenceLabel(inference.id)}: ${inferenceValue(inference)}`;
}

const sameEvidence = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((e) => b.includes(e));

/** How one inference changed: "AI lab: Moonshot AI -> DeepSeek, low confidence", "Country: China (CN), confidence high -> medium, evidence changed". */
export function inferenceChange(before: Inference, after: Inference): string {
  const parts = [
    before.value !== after.value ? `${inferenceValue(before)} -> ${inferenceValue(after)}` : inferenceValue(after),
    before.confidence !== after.confidence ? `confidence ${before.confidence} -> ${after.confidence}` : `${after.confidence} confidence`,
  ];
  if (!sameEvidence(before.evidence, after.evidence)) parts.push('evidence changed');
  return `${inferenceLabel(after.id)}: ${parts.join(', ')}`;
}
