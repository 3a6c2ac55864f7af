/**
 * The secrets pass over free text (snapshot strings, CLI output, captures, error messages). Producers
 * already redact at the source; this is the last line of defence, so it errs on the side of masking.
 * Every rule replaces only the secret part with "***" and leaves the label, so the text stays
 * readable ("ANTHROPIC_API_KEY=***", "Bearer ***", "sk-ant-***") and the pass is idempotent.
 *
 * Every rule is linear in the text: the regexes here start on a literal and run one character class
 * with nothing after it to backtrack into; the other rules are scanners (see their modules).
 */
import { maskAssignments } from './assignments.js';
import { maskFlags, maskSettings } from './command-line.js';
import { isMasked, REDACTED } from './mask.js';
import { maskKeyShapes } from './shapes.js';
import { maskQueryParams, maskUrlCredentials } from './url-credentials.js';
import { maskUrlPaths } from './url-path.js';

type Rule = (text: string) => string;

/** PEM private keys, whole block. */
const PEM = /-----BEGIN ([A-Z ]{0,40})PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;

/** Authorization: <scheme> <credentials> (header lines, curl -H, JSON header maps). */
const AUTHORIZATION = /(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(bearer|basic|token|digest|negotiate)\s+)?([^\s"',;]+)/gi;

const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/g;

/** A long hex/base64 run just after a key-ish word ("api key 3f9a...", "secret: Zm9v..."). */
const KEYISH_WORD =
  /(\b(?:api[ _-]?key|key|token|secret|password|passwd|credentials?|auth|signature)s?\b[\s"':=]{1,4}(?:is\s+)?)([A-Za-z0-9+/_=-]{20,})/gi;

/** `isUrl`: the text is (or quotes) one URL, so a lone user part and a bare path are read as such. */
function rules(isUrl: boolean): Rule[] {
  return [
    (text) => text.replace(PEM, `-----BEGIN $1PRIVATE KEY-----${REDACTED}-----END $1PRIVATE KEY-----`),
    (text) => maskUrlCredentials(text, isUrl),
    (text) =>
      text.replace(AUTHORIZATION, (match, head: string, scheme: string | undefined, value: string) =>
        isMasked(value) ? match : `${head}${scheme ? `${scheme} ` : ''}${REDACTED}`,
      ),
    (text) => text.replace(BEARER, `$1 ${REDACTED}`),
    maskFlags,
    maskSettings,
    maskAssignments,
    maskQueryParams,
    (text) => maskUrlPaths(text, isUrl),
    maskKeyShapes,
    (text) =>
      text.replace(KEYISH_WORD, (match, head: string, value: string) =>
        /[0-9]/.test(value) && /[A-Za-z]/.test(value) ? `${head}${REDACTED}` : match,
      ),
  ];
}

const TEXT_RULES = rules(false);
const URL_RULES = rules(true);

/** Masks secrets (passwords in URLs, tokens, API keys, auth headers, secret flags) in free text. Idempotent. */
export function redactText(text: string): string {
  return TEXT_RULES.reduce((out, rule) => rule(out), text);
}

/**
 * redactText for a URL, or text quoting one (an error reason about a malformed proxy URL): also
 * masks a lone user part after a scheme, which is often a token ("https://***@github.com").
 */
export function redactUrl(text: string): string {
  return URL_RULES.reduce((out, rule) => rule(out), text);
}
