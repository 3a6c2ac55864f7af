import type { InferenceId } from '../../../contract/snapshot.js';

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
