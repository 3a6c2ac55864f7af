import { isSecretName } from '../secrets.js';
import { REDACTED } from '../url.js';

/** A config key whose value is a credential; for a key path ("env.MY_TOKEN") its last segment decides. */
export function isSecretKey(key: string): boolean {
  const last = key.split('.').at(-1) ?? key;
  // Header maps in configs ("headers": {"Authorization": ...}) carry credentials too.
  return isSecretName(last) || /^(?:proxy-)?authorization$/i.test(last);
}

/**
 * Values that are credentials whatever their key is called. Whole-value shapes only: a URL with a
 * password is not a secret as a whole, its password is redacted where URLs are parsed.
 */
const SECRET_VALUE = /^(?:bearer|basic)\s|^sk-[\w-]{8,}|^gh[pousr]_\w{16,}|^github_pat_\w{16,}|^AIza[\w-]{20,}/i;

export function isSecretValue(value: string): boolean {
  return SECRET_VALUE.test(value.trim());
}

/** A copy with every secret-keyed or secret-looking value replaced by "***". */
export function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return isSecretValue(value) ? REDACTED : value;
  if (Array.isArray(value)) return value.map(redactDeep);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretKey(k) ? REDACTED : redactDeep(v)]));
  }
  return value;
}
