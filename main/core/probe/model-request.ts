/**
 * Whether a captured request is a call to a model API, the proof that a tool actually ran its
 * prompt. Telemetry, DNS-over-HTTPS, update checks and CONNECT tunnels are not: a tool that is not
 * logged in may send those and never ask a model anything.
 */
import type { ObservedRequest } from './types.js';

// Paths of the model APIs the probe's base URLs stand in for (Anthropic, OpenAI chat and
// responses, Gemini), with any prefix a gateway adds.
const MODEL_PATH = /(?:\/messages|\/chat\/completions|\/completions|\/responses|:(?:stream)?generateContent)(?:\?|$)/i;

export function isModelRequest(request: Pick<ObservedRequest, 'method' | 'path'>): boolean {
  return request.method === 'POST' && MODEL_PATH.test(request.path);
}
