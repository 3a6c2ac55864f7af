import type { Confidence, Inference, InferenceId } from '../../../contract/snapshot.js';

const LABELS: Record<InferenceId, string> = {
  'location.country': 'Your country',
  'network.proxy': 'That you use a proxy',
  'network.proxy-country': 'Where your proxy is',
  'affiliation.organization': 'Your employer or organisation',
  'affiliation.ai-lab': 'Your AI-lab affiliation',
};

/** What an inference id reveals, in plain words; unknown ids (newer hosts) are shown as they are. */
export function inferenceLabel(id: string): string {
  return (LABELS as Record<string, string>)[id] ?? id;
}

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/** Most certain first; equal confidence keeps the host's order. */
export function byConfidence(inferences: readonly Inference[]): Inference[] {
  return [...inferences].sort((a, b) => RANK[a.confidence] - RANK[b.confidence]);
}
