/**
 * Values that are credentials by their shape alone, whatever they are called: vendor key formats
 * with a recognisable public prefix ("ghp_", "sk-ant-") and JWTs.
 */
import { REDACTED } from './mask.js';

interface KeyShape {
  /** The public prefix, kept when masking ("ghp_***"): a regex source. */
  prefix: string;
  /** The secret body after it: a regex source. */
  body: string;
}

const KEY_SHAPES: readonly KeyShape[] = [
  { prefix: 'sk-ant-', body: '[A-Za-z0-9_-]{8,}' },
  { prefix: 'sk-(?:proj-|svcacct-|admin-)?', body: '[A-Za-z0-9_-]{16,}' },
  { prefix: '[rsp]k_(?:live|test)_', body: '[A-Za-z0-9]{10,}' },
  { prefix: 'gh[pousr]_', body: '[A-Za-z0-9]{16,}' },
  { prefix: 'github_pat_', body: '[A-Za-z0-9_]{16,}' },
  { prefix: 'xox[abposre]-', body: '[A-Za-z0-9-]{10,}' },
  { prefix: 'xapp-', body: '[A-Za-z0-9-]{10,}' },
  { prefix: 'do[opr]_v1_', body: '[a-f0-9]{32,}' },
  { prefix: 'AGE-SECRET-KEY-', body: '[A-Z0-9]{20,}' },
  { prefix: 'gl(?:pat|rt|dt|ptt|cbt)-', body: '[A-Za-z0-9_-]{20,}' },
  { prefix: 'dckr_pat_', body: '[A-Za-z0-9_-]{20,}' },
  { prefix: 'shp(?:at|ss|ca|pa)_', body: '[a-fA-F0-9]{32}' },
  { prefix: 'SG\\.', body: '[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}' },
  { prefix: '(?:whsec|lin_api|gsk|r8|tvly|pplx|nvapi|ntn|sq0atp|sq0csp|ATATT3)[_-]', body: '[A-Za-z0-9_-]{20,}' },
  { prefix: 'LTAI', body: '[A-Za-z0-9]{12,20}(?![A-Za-z0-9])' },
  { prefix: '(?:AKIA|ASIA)', body: '[A-Z0-9]{16}(?![A-Za-z0-9])' },
  { prefix: 'AIza', body: '[0-9A-Za-z_-]{20,}' },
  { prefix: 'ya29\\.', body: '[0-9A-Za-z_-]{20,}' },
  { prefix: 'npm_', body: '[A-Za-z0-9]{30,}' },
  { prefix: 'hf_', body: '[A-Za-z0-9]{30,}' },
  { prefix: 'pypi-', body: '[A-Za-z0-9_-]{40,}' },
  // JWT: header.payload.signature, all base64url; the header is JSON, so it starts "eyJ".
  { prefix: 'eyJ', body: '[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*' },
];

/** Each body is one character class run, so a scan is linear: no nested or adjacent open quantifiers. */
const IN_TEXT = KEY_SHAPES.map(({ prefix, body }) => new RegExp(String.raw`(?<![A-Za-z0-9_-])(${prefix})${body}`, 'g'));
const WHOLE = new RegExp(`^(?:${KEY_SHAPES.map(({ prefix, body }) => `${prefix}${body}`).join('|')})`);

/** An auth header value: a scheme and one credential ("Bearer abc", "Basic Zm9v"), not prose ("Basic auth is on"). */
const AUTH_VALUE = /^(?:bearer|basic)\s+\S+$/i;

/** Whether a whole value is a credential by its shape ("Bearer …", "sk-…", "ghp_…", a JWT). */
export function isSecretValue(value: string): boolean {
  const text = value.trim();
  return AUTH_VALUE.test(text) || WHOLE.test(text);
}

/** Masks every key-shaped run in free text, keeping the prefix ("sk-ant-***"). */
export function maskKeyShapes(text: string): string {
  return IN_TEXT.reduce((out, re) => out.replace(re, `$1${REDACTED}`), text);
}
