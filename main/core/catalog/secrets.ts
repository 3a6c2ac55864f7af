import { REDACTED } from '../url.js';

/** Keys whose values are credentials: apiKey, api_key, openai-api-key, *_TOKEN, Authorization, ... */
const SECRET_KEY =
  /api[-_]?key|token(?!s)|secret|password|passwd|credential|authorization|cookie|custom_headers|(?:^|[-_.])key$|^key$/i;

/** Values that are credentials whatever their key is called. */
const SECRET_VALUE = /^(?:bearer|basic)\s|^sk-[\w-]{8,}|^gh[pousr]_\w{16,}|^github_pat_\w{16,}|^AIza[\w-]{20,}/i;

export function isSecretKey(key: string): boolean {
  const last = key.split('.').at(-1) ?? key;
  return SECRET_KEY.test(last);
}

export function isSecretValue(value: string): boolean {
  return SECRET_VALUE.test(value.trim());
}

/** A copy with every secret-keyed or secret-looking value replaced by "***". */
export function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return isSecretValue(value) ? REDACTED : value;
  if (Array.isArray(value)) return value.map(redactDeep);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, isSecretKey(k) ? REDACTED : redactDeep(v)]),
    );
  }
  return value;
}
