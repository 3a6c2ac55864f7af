/**
 * The secrets-only redaction pass over free text (snapshot strings, CLI output, captures). Producers
 * already redact at the source; this is the last line of defence, so it errs on the side of masking.
 * Every rule replaces only the secret part with REDACTED and leaves the label, so the text stays
 * readable ("ANTHROPIC_API_KEY=***", "Bearer ***", "sk-ant-***") and the pass is idempotent.
 */
import { REDACTED } from './url.js';

/**
 * Names whose value is a secret: env vars (ANTHROPIC_API_KEY, GITHUB_TOKEN), config keys
 * (apiKey, _authToken, client_secret), header names (x-api-key), CLI flags (api-key).
 * Matched on the name with separators removed, so all casings and spellings meet one list.
 */
const SECRET_NAME_ENDINGS = [
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

export function isSecretName(name: string): boolean {
  const squashed = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!squashed) return false;
  if (SECRET_NAME_ENDINGS.some((ending) => squashed.endsWith(ending))) return true;
  // "OPENAI_KEY", "deepseek-key", "licenseKey", npm's "_auth": a key/auth segment at the end.
  return /[_.-]key$/i.test(name) || /[a-z0-9]Key$/.test(name) || /(?:^|[_.-])auth$/i.test(name);
}

/** A value runs to a quote, whitespace or a separator; a quoted one to its closing quote. */
const BARE_VALUE = String.raw`[^\s"'\`,;&<>)}\]]+`;

type Rule = (text: string) => string;

/** Already masked: "***", or "\\*\\*\\*" once Markdown-escaped (renderers scrub their own output). */
const isMasked = (value: string): boolean => /^(?:\\?\*){3}/.test(value);

const ASSIGNMENT = /(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1(\s*[=:]\s*)/g;

/** Where the value starting at `start` ends: a quoted value at its quote, a bare one at a separator. */
function valueSpan(text: string, start: number, wholeLine: boolean): { from: number; to: number } {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, start + 1);
    const lineEnd = text.indexOf('\n', start);
    const to = close === -1 || (lineEnd !== -1 && close > lineEnd) ? (lineEnd === -1 ? text.length : lineEnd) : close;
    return { from: start + 1, to };
  }
  const rest = text.slice(start);
  const length = wholeLine ? rest.search(/\r?\n|$/) : rest.search(/[\s"'`,;&<>)}\]]|$/);
  return { from: start, to: start + length };
}

/**
 * NAME=value, NAME: value, "name": "value", name = 'value' where NAME names a secret. A scan over
 * "name<sep>" only, so a non-secret assignment never swallows a secret one that follows it.
 */
function maskAssignments(text: string): string {
  let out = '';
  let done = 0;
  for (const match of text.matchAll(ASSIGNMENT)) {
    const name = match[2] ?? '';
    if (match.index < done || !isSecretName(name)) continue;
    const { from, to } = valueSpan(text, match.index + match[0].length, /customheaders$/i.test(name.replace(/[^a-z]/gi, '')));
    const value = text.slice(from, to);
    if (!value || isMasked(value)) continue;
    out += text.slice(done, from) + REDACTED;
    done = to;
  }
  return out + text.slice(done);
}

/** Keeps a recognisable public prefix ("ghp_") and masks the rest. */
function keyShape(prefix: string, body: string, flags = 'g'): Rule {
  const re = new RegExp(String.raw`(?<![A-Za-z0-9_-])(${prefix})${body}`, flags);
  return (text) => text.replace(re, `$1${REDACTED}`);
}

const rules: Rule[] = [
  // PEM private keys, whole block.
  (text) =>
    text.replace(
      /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g,
      `-----BEGIN $1PRIVATE KEY-----${REDACTED}-----END $1PRIVATE KEY-----`,
    ),
  // scheme://user:pass@host -> scheme://user:***@host
  (text) =>
    text.replace(/([a-z][a-z0-9+.-]*:\/\/)([^\s:/@"'<>]*):([^\s/@"'<>]+)@/gi, (match, scheme: string, user: string, pass: string) =>
      isMasked(pass) ? match : `${scheme}${user}:${REDACTED}@`,
    ),
  // user:pass@host without a scheme (proxy env values written bare), at a value start.
  (text) =>
    text.replace(
      /(^|[\s="'(])((?!mailto:)[^\s:/@"'=()]+):([^\s:/@"'()]+)@(?=[A-Za-z0-9[])/gim,
      (match, before: string, user: string, pass: string) => (isMasked(pass) ? match : `${before}${user}:${REDACTED}@`),
    ),
  // Authorization: <scheme> <credentials> (header lines, curl -H, JSON header maps).
  (text) =>
    text.replace(
      /(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(bearer|basic|token|digest|negotiate)\s+)?([^\s"',;]+)/gi,
      (_m, head: string, scheme: string | undefined, value: string) =>
        isMasked(value) ? _m : `${head}${scheme ? `${scheme} ` : ''}${REDACTED}`,
    ),
  (text) => text.replace(/\b(Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${REDACTED}`),
  // --api-key x, --token=x, curl -u user:pass
  (text) =>
    text.replace(
      new RegExp(String.raw`(?<![\w-])(--?([A-Za-z][A-Za-z0-9-]*)(?:=|\s+))(["']?)(?!-)(${BARE_VALUE})\3`, 'g'),
      (match, head: string, flag: string, quote: string, value: string) => {
        if (isMasked(value)) return match;
        if (isSecretName(flag)) return `${head}${quote}${REDACTED}${quote}`;
        if ((flag === 'u' || flag === 'user' || flag === 'proxy-user') && value.includes(':')) {
          return `${head}${quote}${value.slice(0, value.indexOf(':'))}:${REDACTED}${quote}`;
        }
        return match;
      },
    ),
  maskAssignments,
  // ?token=..&sig=.. query parameters.
  (text) =>
    text.replace(/([?&#;]([A-Za-z0-9_.-]+)=)([^&#\s"'<>]+)/g, (match, head: string, name: string, value: string) =>
      !isMasked(value) && (isSecretName(name) || /(?:^|[_.-])(?:key|sig|signature|auth|code)$/i.test(name))
        ? `${head}${REDACTED}`
        : match,
    ),
  // Known key shapes, wherever they appear.
  keyShape('sk-ant-', '[A-Za-z0-9_-]{8,}'),
  keyShape('sk-(?:proj-|svcacct-|admin-)?', '[A-Za-z0-9_-]{16,}'),
  keyShape('[rsp]k_(?:live|test)_', '[A-Za-z0-9]{10,}'),
  keyShape('gh[pousr]_', '[A-Za-z0-9]{20,}'),
  keyShape('github_pat_', '[A-Za-z0-9_]{20,}'),
  keyShape('xox[abposr]-', '[A-Za-z0-9-]{10,}'),
  keyShape('(?:AKIA|ASIA)', '[A-Z0-9]{16}(?![A-Za-z0-9])'),
  keyShape('AIza', '[0-9A-Za-z_-]{30,}'),
  keyShape('ya29\\.', '[0-9A-Za-z_-]{20,}'),
  keyShape('glpat-', '[A-Za-z0-9_-]{20,}'),
  keyShape('npm_', '[A-Za-z0-9]{30,}'),
  keyShape('hf_', '[A-Za-z0-9]{30,}'),
  keyShape('pypi-', '[A-Za-z0-9_-]{40,}'),
  // JWT: header.payload.signature, all base64url; the header is JSON, so it starts "eyJ".
  keyShape('eyJ', '[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*'),
  // A long hex/base64 run just after a key-ish word ("api key 3f9a...", "secret: Zm9v...").
  (text) =>
    text.replace(
      /(\b(?:api[ _-]?key|key|token|secret|password|passwd|credentials?|auth|signature)s?\b[\s"':=]{1,4}(?:is\s+)?)([A-Za-z0-9+/_=-]{20,})/gi,
      (match, head: string, value: string) => (/[0-9]/.test(value) && /[A-Za-z]/.test(value) ? `${head}${REDACTED}` : match),
    ),
];

/** Masks secrets (passwords in URLs, tokens, API keys, auth headers) in free text. Idempotent. */
export function redactText(text: string): string {
  return rules.reduce((out, rule) => rule(out), text);
}
