/** The overall exposure level and its one-sentence summary. */
import type { CheckResult, ExposureLevel, Inference, InferenceId } from '../../../contract/snapshot.js';
import { CONFIDENCE_RANK } from './confidence.js';

const IDENTIFYING: ReadonlySet<InferenceId> = new Set(['location.country', 'affiliation.organization', 'affiliation.ai-lab']);

/** Which inference names the exposure when confidences tie: who you are before where your proxy is. */
const ID_RANK: Readonly<Record<InferenceId, number>> = {
  'affiliation.ai-lab': 5,
  'affiliation.organization': 4,
  'location.country': 3,
  'network.proxy-country': 2,
  'network.proxy': 1,
};

/**
 * none: no inferences. low: only low-confidence ones. elevated: any medium, or a proxy in use.
 * high: a high-confidence country or affiliation, or a flagged check.
 */
export function exposureLevel(inferences: readonly Inference[], checks: readonly CheckResult[] = []): ExposureLevel {
  if (checks.some((c) => c.flagged) || inferences.some((i) => i.confidence === 'high' && IDENTIFYING.has(i.id))) return 'high';
  if (inferences.some((i) => i.confidence !== 'low' || i.id === 'network.proxy')) return 'elevated';
  return inferences.length ? 'low' : 'none';
}

/** The most telling inference: highest confidence, then the most identifying kind. */
export function topInference(inferences: readonly Inference[]): Inference | null {
  let top: Inference | null = null;
  for (const i of inferences) {
    const better = !top || CONFIDENCE_RANK[i.confidence] > CONFIDENCE_RANK[top.confidence] ||
      (i.confidence === top.confidence && ID_RANK[i.id] > ID_RANK[top.id]);
    if (better) top = i;
  }
  return top;
}

const LABEL: Readonly<Record<ExposureLevel, string>> = { none: 'No', low: 'Low', elevated: 'Elevated', high: 'High' };

export function exposureFor(
  inferences: readonly Inference[],
  checks: readonly CheckResult[] = [],
): { level: ExposureLevel; summary: string } {
  const level = exposureLevel(inferences, checks);
  const top = topInference(inferences);
  const flagged = checks.find((c) => c.flagged);
  const lead = `${LABEL[level]} exposure`;
  if (!top && !flagged) return { level, summary: `${lead}: the tools here can infer nothing about your country, proxy or employer.` };
  const parts = [
    ...(flagged ? [`the ${flagged.name} would flag this machine`] : []),
    ...(top ? [`top inference: ${top.statement.split(': ')[0]?.replace(/\.$/, '')}`] : []),
  ];
  return { level, summary: `${lead}: ${parts.join('; ')}.` };
}
