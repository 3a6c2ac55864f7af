/** An inference in a few words ("Country: China (CN)"), for summaries and diffs where its full statement is too long. */
import type { Inference, InferenceId } from '../contract/snapshot.js';
import type { Language } from './i18n/languages.js';
import { CONFIDENCE_WORDS } from './i18n/render.js';
import { translator, type PlainKey } from './i18n/translate.js';
import { countryLabel } from './overview.js';

const LABELS: Readonly<Record<InferenceId, PlainKey>> = {
  'location.country': 'inference-label.location.country',
  'network.proxy': 'inference-label.network.proxy',
  'network.proxy-country': 'inference-label.network.proxy-country',
  'affiliation.organization': 'inference-label.affiliation.organization',
  'affiliation.ai-lab': 'inference-label.affiliation.ai-lab',
};

const COUNTRY_VALUED: ReadonlySet<InferenceId> = new Set(['location.country', 'network.proxy-country']);

/** "Country"; the id itself for an id this build does not know (a newer export's). */
export function inferenceLabel(id: InferenceId, language: Language): string {
  const key = LABELS[id] as PlainKey | undefined;
  return key ? translator(language)(key) : id;
}

/** The value in words: "China (CN)", "yes", "Alibaba". */
export function inferenceValue(inference: Pick<Inference, 'id' | 'value'>, language: Language): string {
  if (typeof inference.value === 'boolean') return translator(language)(inference.value ? 'inference-label.yes' : 'inference-label.no');
  return COUNTRY_VALUED.has(inference.id) ? countryLabel(inference.value, language) : inference.value;
}

/** "Country: China (CN)". */
export function inferenceShort(inference: Pick<Inference, 'id' | 'value'>, language: Language): string {
  return translator(language)('inference-label.short', { label: inferenceLabel(inference.id, language), value: inferenceValue(inference, language) });
}

const sameEvidence = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((e) => b.includes(e));

/** How one inference changed: "AI lab: Moonshot AI -> DeepSeek, low confidence", "Country: China (CN), confidence high -> medium, evidence changed". */
export function inferenceChange(before: Inference, after: Inference, language: Language): string {
  const t = translator(language);
  const value = (i: Inference) => inferenceValue(i, language);
  const confidence = (i: Inference) => t(CONFIDENCE_WORDS[i.confidence]);
  const parts = [
    before.value !== after.value ? t('inference-label.change.value', { before: value(before), after: value(after) }) : value(after),
    before.confidence !== after.confidence
      ? t('inference-label.change.confidence', { before: confidence(before), after: confidence(after) })
      : t('inference-label.change.same-confidence', { confidence: confidence(after) }),
  ];
  if (!sameEvidence(before.evidence, after.evidence)) parts.push(t('inference-label.change.evidence'));
  return t('inference-label.change', { label: inferenceLabel(after.id, language), parts: parts.join(t('list.clause')) });
}
