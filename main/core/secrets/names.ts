import { memoise } from './bounded-memo.js';

/**
 * Which names label a secret: env vars (ANTHROPIC_API_KEY, AWS_BEARER_TOKEN_BEDROCK), config keys
 * (apiKey, _authToken, client_secret, http.proxyPassword), CLI flags (--api-key, -storepass),
 * query parameters (?sig=) and HTTP headers (x-api-key, cookie).
 */

/** Name endings (separators removed) that always mean a secret, even as one word: PGPASSWORD, MYTOKEN. */
const SECRET_ENDINGS = [
  'apikey',
  'accesskey',
  'secretkey',
  'privatekey',
  'authkey',
  'sessionkey',
  'token',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'credential',
  'credentials',
  'customheaders', // ANTHROPIC_CUSTOM_HEADERS carries auth headers
  'cookie',
];

/** A word of the name that makes it a secret's name wherever it sits (VERTEX_ACCESS_TOKEN_FILE aside). */
const SECRET_WORD = /token(?!s|iz)|secret|password|passwd|passphrase|credential|apikey|^auth$|^authorization$/;

/**
 * A last word that says the value is about the secret, not the secret: a path (SSH_AUTH_SOCK,
 * TOKEN_FILE), a helper program (credential.helper, apiKeyHelper), a kind, a count or a switch.
 */
const NOT_THE_SECRET = new Set([
  'sock', 'socket', 'helper', 'file', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'domain', 'server', 'realm',
  'type', 'method', 'mode', 'scheme', 'strategy', 'provider', 'source', 'command', 'cmd', 'program', 'stdin', 'env',
  'count', 'limit', 'max', 'min', 'size', 'length', 'budget', 'timeout', 'ttl', 'expiry', 'expires', 'expiration',
  'enabled', 'disabled', 'required',
]);

/** A first word that makes the name a switch about a secret (--no-auth, --ask-pass, USE_AUTH_TOKEN). */
const SWITCH_PREFIX = new Set(['no', 'ask', 'prompt', 'skip', 'disable', 'use']);

/** Cheap pre-check: a name with none of these cannot be a secret's, so most names cost one test. */
const MAYBE_SECRET = /key|token|secret|pass|pwd|auth|credential|cookie|custom.?headers/i;

/** "keyStorePassword" -> ["key", "store", "password"]; "AWS_BEARER_TOKEN" -> ["aws", "bearer", "token"]. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function wordsNameSecret(parts: readonly string[]): boolean {
  if (SWITCH_PREFIX.has(parts[0] ?? '')) return false;
  const squashed = parts.join('');
  if (SECRET_ENDINGS.some((ending) => squashed.endsWith(ending))) return true;
  const last = parts.at(-1) ?? '';
  // "OPENAI_KEY", "licenseKey", npm's "_auth": a key/auth word at the end of a longer name.
  if ((last === 'key' && parts.length > 1) || last === 'auth') return true;
  if (NOT_THE_SECRET.has(last)) return false;
  return parts.some(
    (part, i) => SECRET_WORD.test(part) || (part === 'api' && parts[i + 1] === 'key') || (part === 'pwd' && i > 0), // MYSQL_PWD, not PWD
  );
}

/** Names repeat (env vars, config keys, JSON keys of every connection): each is split into words once. */
const lastSegmentIsSecret = memoise((segment: string) => wordsNameSecret(words(segment)), { maxEntries: 2048 });

/** Whether a value stored under this name is a secret. For a key path ("env.MY_TOKEN") its last segment decides. */
export function isSecretName(name: string): boolean {
  return MAYBE_SECRET.test(name) && lastSegmentIsSecret(name.slice(name.lastIndexOf('.') + 1));
}

/** Query parameters: secret names, plus the short ones signed URLs and OAuth use (?sig=, ?code=, ?key=). */
export function isSecretParam(name: string): boolean {
  return isSecretName(name) || /(?:^|[_.-])(?:key|sig|signature|auth|code|pass|pw|pwd)$/i.test(name);
}

/** HTTP headers: secret names (authorization, cookie, x-api-key) and session headers. */
export function isSecretHeader(name: string): boolean {
  return isSecretName(name) || /session/i.test(name);
}

/** CLI flags: secret names, and the "pass" family (openssl -passin, keytool -storepass, redis-cli --pass). */
export function isSecretFlag(name: string): boolean {
  return isSecretName(name) || /^(?:[a-z]*store|key)?pass(?:in|out)?$/i.test(name);
}
