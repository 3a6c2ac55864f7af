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

/** Within one word of the name, these make it a secret's name wherever they sit (VERTEX_TOKEN_FILE aside, see below). */
const SECRET_WORD = /token(?!s|iz)|secret|password|passwd|passphrase|credential|apikey|cookie|^auth(?:n|z|orization|entication)?$|^session/;

/** Whole words that name a secret in a name of two words or more (VERTEX_ACCESS, MY_SERVICE_KEY, dbPass), not alone ("key", "private"). */
const SECRET_PART = new Set(['key', 'access', 'private', 'pass', 'pwd', 'pw', 'creds']);

/** One word that is a secret's name on its own ("session", "cookie", npm's "_auth"); "key", "access", "pwd" alone are too generic. */
const ALONE_SECRET = /^(?:auth|session|cookie|pass|creds)$/;

/** Words ending in "key" that are no key: a part ending in "key" is otherwise one (APIKEY, PASSKEY, licensekey). */
const NOT_A_KEY = /(?:hot|mon|tur|whis|hoc|joc|don|jour)key$/;

/**
 * A last word that says the value is about the secret, not the secret: a path (SSH_AUTH_SOCK,
 * TOKEN_FILE), a helper program (credential.helper, apiKeyHelper), a kind, a count or a switch.
 */
const NOT_THE_SECRET = new Set([
  'sock', 'socket', 'helper', 'file', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'domain', 'server', 'realm',
  'type', 'method', 'mode', 'scheme', 'strategy', 'provider', 'source', 'command', 'cmd', 'program', 'stdin', 'env',
  'count', 'limit', 'max', 'min', 'size', 'length', 'budget', 'timeout', 'ttl', 'expiry', 'expires', 'expiration',
  'enabled', 'disabled', 'required', 'log', 'logs', 'name', 'desktop', 'class', 'origin', 'prefix', 'bindings', 'binding',
  'instructions', 'help', 'hint', 'description',
]);

/** A first word that makes the name a switch about a secret (--no-auth, --ask-pass, USE_AUTH_TOKEN). */
const SWITCH_PREFIX = new Set(['no', 'ask', 'prompt', 'skip', 'disable', 'use']);

/** Cheap pre-check: a name with none of these cannot be a secret's, so most names cost one test. */
const MAYBE_SECRET = /key|token|secret|pass|pwd|pw|auth|credential|creds|cookie|session|access|private|custom.?headers/i;

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
  if (parts.length === 1) return SECRET_WORD.test(last) || ALONE_SECRET.test(last) || (last.endsWith('key') && last.length > 3 && !NOT_A_KEY.test(last));
  return parts.some(
    (part, i) =>
      SECRET_WORD.test(part) ||
      (SECRET_PART.has(part) && !((part === 'pwd' || part === 'pw') && i === 0)) || // MYSQL_PWD, not PWD_DIR
      (part.endsWith('key') && part.length > 3 && !NOT_A_KEY.test(part)),
  );
}

/** Names repeat (env vars, config keys, JSON keys of every connection): each is split into words once. */
const lastSegmentIsSecret = memoise((segment: string) => wordsNameSecret(words(segment)), { maxEntries: 2048 });

/** Longest name read whole (env var names, config keys and flags are far shorter). */
const MAX_NAME = 256;

/** A last segment too generic to decide alone, read with the segment before it ("vertex.access", "db.pwd"). */
const GENERIC_SEGMENT = /^(?:access|private|key|pwd|pw)$/i;

/**
 * Whether a value stored under this name is a secret. For a key path ("env.MY_TOKEN") its last
 * segment decides, with the segment before it when it is a generic word ("vertex.access").
 */
export function isSecretName(raw: string): boolean {
  // Matching is capped: a longer "name" is read by its end, which is where a secret's name says so.
  const name = raw.length > MAX_NAME ? raw.slice(-MAX_NAME) : raw;
  if (!MAYBE_SECRET.test(name)) return false;
  const dot = name.lastIndexOf('.');
  const last = name.slice(dot + 1);
  if (dot <= 0 || !GENERIC_SEGMENT.test(last)) return lastSegmentIsSecret(last);
  return lastSegmentIsSecret(`${name.slice(name.lastIndexOf('.', dot - 1) + 1, dot)}_${last}`);
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
