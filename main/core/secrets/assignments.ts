/**
 * NAME=value, NAME: value, "name": "value", -Dname=value where NAME names a secret. A name starts
 * only where a run of name characters starts (the lookbehind), so each run is tried once: starting
 * a name at every letter, as a plain regex does, is quadratic on a long word.
 */
import { isMasked, REDACTED } from './mask.js';
import { isSecretName } from './names.js';
import { valueSpan } from './value-span.js';

const ASSIGNMENT = /(?<![A-Za-z0-9_.-])(["']?)([A-Za-z0-9_.-]+)\1\s*[=:]\s*/g;
const AUTH_SCHEME = /^(?:bearer|basic|token|digest|negotiate)$/i;

/** ANTHROPIC_CUSTOM_HEADERS holds "Name: value" pairs: its value is the whole line. */
const isHeaderList = (name: string): boolean => /customheaders$/i.test(name.replace(/[^a-z]/gi, ''));

/** "http://auth:9000", "u:p@token:8080": a host and its port, not a name and its value. */
const isHostPort = (text: string, nameStart: number, separator: string): boolean =>
  separator === ':' && (text[nameStart - 1] === '@' || text.startsWith('//', nameStart - 2));

export function maskAssignments(text: string): string {
  let out = '';
  let done = 0;
  const assignments = new RegExp(ASSIGNMENT.source, 'g');
  for (let match = assignments.exec(text); match; match = assignments.exec(text)) {
    const [head, quote = '', run = ''] = match;
    // A name starts with a letter or "_": "-Dhttp.proxyPassword" names "Dhttp.proxyPassword".
    const name = /^[A-Za-z_]/.test(run) ? run : run.replace(/^[^A-Za-z_]+/, '');
    const nameStart = match.index + quote.length + run.length - name.length;
    if (!name || !isSecretName(name) || isHostPort(text, nameStart, head.trimEnd().at(-1) ?? '')) continue;
    let { from, to } = valueSpan(text, match.index + head.length, isHeaderList(name));
    if (AUTH_SCHEME.test(text.slice(from, to)) && text[to] === ' ') {
      // "Authorization: Bearer abc": the scheme stays readable, the credential after it is the value.
      ({ from, to } = valueSpan(text, to + 1));
    }
    const value = text.slice(from, to);
    if (!value || isMasked(value)) continue;
    out += text.slice(done, from) + REDACTED;
    done = to;
    assignments.lastIndex = to;
  }
  return done === 0 ? text : out + text.slice(done);
}
