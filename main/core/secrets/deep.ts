/**
 * Redaction of structured data: JSON documents (snapshots, probe reports, captured request bodies,
 * tool config values) and HTTP header maps.
 */
import { maskArgv } from './command-line.js';
import { REDACTED } from './mask.js';
import { isSecretHeader, isSecretName } from './names.js';
import { isSecretValue } from './shapes.js';
import { redactText } from './text.js';

export interface RedactDeepOptions {
  /** What every other string goes through; default redactText (pass a memoised redactor for big documents). */
  text?: (text: string) => string;
}

/** Everything stored under a secret name: strings and numbers masked, structure kept. */
function maskAll(value: unknown): unknown {
  if (typeof value === 'string') return value ? REDACTED : value;
  if (typeof value === 'number') return REDACTED;
  if (Array.isArray(value)) return value.map(maskAll);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskAll(v)]));
  return value;
}

/**
 * An object that names its own value: {key: "apiKey", value}, {id: "tool.x.env.GITHUB_TOKEN", value},
 * {name, value}, or a signal whose structured key names it ({key: {name: "env.VERTEX_ACCESS"}, value}).
 */
function namesSecretValue(object: Record<string, unknown>): boolean {
  const key = typeof object.key === 'object' && object.key !== null ? (object.key as Record<string, unknown>) : {};
  return [object.key, object.id, object.name, key.name, key.variable].some((label) => typeof label === 'string' && isSecretName(label));
}

/**
 * A copy with every value stored under a secret name masked whole whatever its shape, every
 * credential-shaped string ("Bearer …", "sk-…") masked whole, flag values in argv arrays
 * (["--token", "TOK"]) masked, and every other string passed through `text`. Pure.
 */
export function redactDeep(value: unknown, options: RedactDeepOptions = {}): unknown {
  const text = options.text ?? redactText;
  // `parent`: the key this object is stored under, so {"vertex": {"access": …}} reads as "vertex.access".
  const walk = (item: unknown, parent?: string): unknown => {
    if (typeof item === 'string') return isSecretValue(item) ? REDACTED : text(item);
    if (Array.isArray(item)) return (item.every((x) => typeof x === 'string') ? maskArgv(item) : item).map((x) => walk(x));
    if (typeof item !== 'object' || item === null) return item;
    const object = item as Record<string, unknown>;
    const secretValue = namesSecretValue(object);
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(object)) {
      const secret = (key === 'value' && secretValue) || isSecretName(parent === undefined ? key : `${parent}.${key}`);
      out[key] = secret ? maskAll(child) : walk(child, key);
    }
    return out;
  };
  return walk(value);
}

export interface RedactedHeaders {
  headers: Record<string, string>;
  /** The secret values removed, to scrub from a URL and a body too (see scrubSecrets). */
  secrets: string[];
}

/** Shorter values are not worth scrubbing from bodies (they would hit ordinary words). */
const MIN_SECRET_LENGTH = 8;

/**
 * Header values under secret names (authorization, cookie, x-api-key, …) masked, the auth scheme
 * kept ("Bearer ***": which scheme a tool uses is worth seeing, the token is not); other values
 * through redactText.
 */
export function redactHeaders(raw: Readonly<Record<string, string | readonly string[] | undefined>>): RedactedHeaders {
  const headers: Record<string, string> = {};
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : value.join(', ');
    if (!isSecretHeader(name)) {
      headers[name] = redactText(text);
      continue;
    }
    const scheme = /^(Bearer|Basic|Token|Digest|Negotiate)\s+/i.exec(text);
    headers[name] = scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
    const secret = scheme ? text.slice(scheme[0].length) : text;
    if (secret.length >= MIN_SECRET_LENGTH) secrets.push(secret);
  }
  return { headers, secrets };
}

/** Replaces known secret values (from redactHeaders) wherever they appear. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((acc, secret) => acc.split(secret).join(REDACTED), text);
}
