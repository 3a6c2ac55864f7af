import type { Signal } from '../../../contract/snapshot.js';
import { urlSignal } from '../url-signal.js';
import { parseUrlish } from '../url.js';

/** Env vars that point AI tools at a model endpoint. */
export const MODEL_URL_VARS = [
  'ANTHROPIC_BASE_URL',
  'OPENAI_BASE_URL',
  'OPENAI_API_BASE',
  'GOOGLE_GEMINI_BASE_URL',
  'GEMINI_BASE_URL',
  'AZURE_OPENAI_ENDPOINT',
  'DEEPSEEK_BASE_URL',
  'MOONSHOT_BASE_URL',
  'DASHSCOPE_BASE_URL',
] as const;

const KNOWN = new Set<string>(MODEL_URL_VARS);
const LOOKS_LIKE_BASE_URL = /(?:_BASE_URL|_API_BASE)$/;

function isHttpUrl(value: string): boolean {
  const parsed = parseUrlish(value);
  return parsed.ok && /^https?$/.test(parsed.url.scheme) && /^https?:\/\//i.test(value.trim());
}

/**
 * model.base-url.<VAR>: the known variables whatever their value (a malformed one is an error), and
 * any other *_BASE_URL / *_API_BASE whose value is an http(s) URL.
 */
export function modelBaseUrlSignals(env: Readonly<Record<string, string | undefined>>): Signal[] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => {
      const [name, value] = entry;
      if (!value) return false;
      return KNOWN.has(name) || (LOOKS_LIKE_BASE_URL.test(name) && isHttpUrl(value));
    })
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => urlSignal({ kind: 'model-endpoint', key: { variable: name } }, value, `env:${name}`, { defaultScheme: 'https' }));
}
