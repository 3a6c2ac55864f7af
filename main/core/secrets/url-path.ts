/**
 * Secrets in URL paths: webhook URLs whose path is the credential (Slack, Discord, Teams, CI
 * triggers), Telegram's "/bot<token>/", a segment after a secret-ish one ("/key/<k>/", "/token/<t>"),
 * and long random segments. The host and the ordinary path words stay: they are evidence. A scanner,
 * linear in the text: each URL token is split at "/" once.
 */
import { isMasked, REDACTED } from './mask.js';
import { isSecretParam } from './names.js';

/** What ends a URL token (as in url-credentials.ts), plus the start of a query or fragment. */
const PATH_END = /[\s"'<>`?#]/g;
/** A scheme starts only where a run of scheme characters starts, so a long word is scanned once. */
const SCHEME = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\//gi;

/** Segments after which the rest of the path is the credential ("/services/T/B/X", "/webhooks/ID/TOKEN"). */
const SECRET_AFTER = /^(?:webhooks?|hooks?|services|trigger|triggers|incomingwebhook)$/i;

/**
 * Random-looking: long, one run of token characters, letters and digits mixed (a hex digest, a
 * base64url token); not a model name or a version ("claude-3-5-sonnet-20241022" has words and dashes).
 */
const isRandom = (segment: string): boolean =>
  segment.length >= 32 && /^[A-Za-z0-9_=-]+$/.test(segment) && /[0-9]/.test(segment) && /[A-Za-z]/.test(segment) && segment.split('-').length <= 3;

/** Token-like: letters and digits mixed ("K7tmP2qRx9", "T01ABCDEF"), or long and mixed-case base64 ("dGhpcyBpcyBh…"). */
const isTokenLike = (segment: string): boolean =>
  segment.length >= 8 && /[A-Za-z]/.test(segment) && (/[0-9]/.test(segment) || (segment.length >= 16 && /[a-z]/.test(segment) && /[A-Z]/.test(segment)));

/** Telegram bot API: "bot<digits>:<token>". */
const BOT = /^(bot\d{5,}:)(.+)$/;

function maskSegments(path: string): string {
  const segments = path.split('/');
  let secretRest = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (!segment || isMasked(segment)) continue;
    const bot = BOT.exec(segment);
    if (bot) segments[i] = `${bot[1]}${REDACTED}`;
    else if ((secretRest && (isTokenLike(segment) || /^\d{6,}$/.test(segment))) || isRandom(segment)) segments[i] = REDACTED;
    else if (i > 0 && isTokenLike(segment) && isSecretParam(segments[i - 1] as string)) segments[i] = REDACTED;
    if (SECRET_AFTER.test(segment)) secretRest = true;
  }
  return segments.join('/');
}

/**
 * Masks secret path segments of every "scheme://host/path" in free text; with `bare`, a text that
 * is itself a path ("/services/T/B/X", as a proxy's request line has it) too.
 */
export function maskUrlPaths(text: string, bare = false): string {
  if (!text.includes('/')) return text;
  const ends = new RegExp(PATH_END.source, 'g');
  const schemes = new RegExp(SCHEME.source, 'gi');
  let out = '';
  let done = 0;
  const maskFrom = (start: number): number => {
    ends.lastIndex = start;
    const end = ends.exec(text)?.index ?? text.length;
    const slash = text.indexOf('/', start);
    if (slash !== -1 && slash < end) {
      out += text.slice(done, slash) + maskSegments(text.slice(slash, end));
      done = end;
    }
    return end;
  };
  if (bare && text.startsWith('/')) schemes.lastIndex = maskFrom(0);
  for (let match = schemes.exec(text); match; match = schemes.exec(text)) {
    schemes.lastIndex = maskFrom(match.index + match[0].length);
  }
  return done === 0 ? text : out + text.slice(done);
}
