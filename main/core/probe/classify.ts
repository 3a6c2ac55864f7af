/**
 * Classifies one difference between a baseline and a variant string (ChangeKind) and describes it:
 * invisible characters, look-alike swaps, date/number format switches, whitespace, or plain text.
 */
import type { ChangeMessage } from '../../../contract/message.js';
import type { ChangeKind, CodePointInfo, ProbeChange } from '../../../contract/snapshot.js';
import { renderMessage } from '../../../common/i18n/render.js';
import { isInvisible, isWhitespace } from '../../../common/codepoints.js';
import { distinctCodePoints, looksAlike } from './codepoints.js';
import { compareFormatted, numericTokenAround, tokenDate, type TokenComparison } from './formats.js';
import type { Hunk } from './hunks.js';
import { followsLocale, localeTag, type LocalePair } from './localised.js';
import { explainShift, formatOffset, type ZonePair } from './zone-shift.js';

const CONTEXT = 32;

export interface ClassifiedChange {
  change: ProbeChange;
  /** The span the change covers (a format change is widened to the whole date or number). */
  span: Hunk;
}

/** A change with its message, and its English description rendered from it. */
export function describedChange(
  base: Omit<ProbeChange, 'kind' | 'description' | 'codePoints' | 'message'>,
  kind: ChangeKind,
  codePoints: CodePointInfo[],
  message: ChangeMessage,
): ProbeChange {
  return { ...base, kind, codePoints, description: renderMessage(message, 'en'), message };
}

const named = (infos: readonly CodePointInfo[]) => infos.map(({ codePoint, name }) => ({ codePoint, name }));

/** Letters and digits of ASCII are named by the other side of a look-alike swap, not listed. */
function notAsciiAlnum(char: string): boolean {
  return !/^[0-9A-Za-z]$/.test(char);
}

/** The date, time or number token both sides of the hunk lie in, compared, when they are one kind. */
function formattedTokens(baseline: string, variant: string, hunk: Hunk): { span: Hunk; comparison: TokenComparison } | null {
  const b = numericTokenAround(baseline, hunk.bStart, hunk.bEnd);
  const v = numericTokenAround(variant, hunk.vStart, hunk.vEnd);
  const covers = b.start <= hunk.bStart && b.end >= hunk.bEnd && v.start <= hunk.vStart && v.end >= hunk.vEnd;
  if (!covers) return null;
  const comparison = compareFormatted(baseline.slice(b.start, b.end), variant.slice(v.start, v.end));
  return comparison && { span: { bStart: b.start, bEnd: b.end, vStart: v.start, vEnd: v.end }, comparison };
}

/**
 * A date, time or number that changed: its format (covert: a separator, an order, a width, a
 * calendar, whatever the value) and its value (overt local time when the zones explain it, the
 * clock moving between runs when they ran in one zone, else plain text) are separate findings.
 */
function formattedChanges(
  base: Omit<ProbeChange, 'kind' | 'description' | 'codePoints' | 'message'>,
  comparison: TokenComparison,
  zones: ZonePair | null,
  locales: LocalePair | null,
): ProbeChange[] {
  const out: ProbeChange[] = [];
  const token = { what: comparison.kind, baseline: base.baseline, variant: base.variant };
  const change = (kind: ChangeKind, message: ChangeMessage) => out.push(describedChange(base, kind, [], message));
  const format = comparison.formatChange;
  if (format && locales && followsLocale(base.variant, locales)) {
    // The variant's locale writes it so (Intl): the tool localises, openly; not a covert format switch.
    const locale = localeTag(locales.variant) ?? locales.variant;
    change('localised', { id: 'probe-change.localised', ...token, ...format, locale });
  } else if (format) {
    change('format', { id: 'probe-change.format', ...token, ...format, sameValue: !comparison.valueChanged });
  }
  if (!comparison.valueChanged) return out;
  const verdict = explainShift(comparison, tokenDate(base.baseline), zones);
  if (verdict.kind === 'clock') return out;
  if (verdict.kind === 'zone') {
    const baselineOffset = formatOffset(verdict.baselineOffset);
    const variantOffset = formatOffset(verdict.variantOffset);
    change('offset', { id: 'probe-change.local-time', ...token, baselineOffset, variantOffset });
  } else {
    change('text', { id: 'probe-change.value', ...token });
  }
  return out;
}

function around(baseline: string, variant: string, location: string, span: Hunk): Omit<ProbeChange, 'kind' | 'description' | 'codePoints' | 'message'> {
  return {
    location,
    baseline: baseline.slice(span.bStart, span.bEnd),
    variant: variant.slice(span.vStart, span.vEnd),
    contextBefore: baseline.slice(Math.max(0, span.bStart - CONTEXT), span.bStart),
    contextAfter: baseline.slice(span.bEnd, span.bEnd + CONTEXT),
  };
}

/** What one hunk changed: usually one change; a date can be two (format and value) or none (the clock moved). */
export function classifyChange(
  location: string,
  baseline: string,
  variant: string,
  hunk: Hunk,
  zones: ZonePair | null = null,
  locales: LocalePair | null = null,
): ClassifiedChange[] {
  const removed = baseline.slice(hunk.bStart, hunk.bEnd);
  const added = variant.slice(hunk.vStart, hunk.vEnd);
  const changedChars = [...removed, ...added];
  const one = (kind: ChangeKind, codePoints: CodePointInfo[], message: ChangeMessage): ClassifiedChange[] => [
    { span: hunk, change: describedChange(around(baseline, variant, location, hunk), kind, codePoints, message) },
  ];

  if (changedChars.some(isInvisible)) {
    const codePoints = distinctCodePoints([removed, added], isInvisible);
    const action = added && [...added].some(isInvisible) ? 'inserted' : 'removed';
    return one('invisible', codePoints, { id: 'probe-change.invisible', action, chars: named(codePoints) });
  }
  if (changedChars.length > 0 && changedChars.every(isWhitespace)) {
    const codePoints = distinctCodePoints([removed, added]);
    return one('whitespace', codePoints, { id: 'probe-change.whitespace', chars: named(codePoints) });
  }
  if (removed && added && looksAlike(removed, added)) {
    const side = (text: string) => ({ text, chars: named(distinctCodePoints([text], notAsciiAlnum)) });
    const message: ChangeMessage = { id: 'probe-change.confusable', from: side(removed), to: side(added) };
    return one('confusable', distinctCodePoints([removed, added], notAsciiAlnum), message);
  }
  const formatted = formattedTokens(baseline, variant, hunk);
  if (formatted) {
    const { span, comparison } = formatted;
    return formattedChanges(around(baseline, variant, location, span), comparison, zones, locales).map((change) => ({ span, change }));
  }
  return one('text', [], { id: 'probe-change.text', from: removed, to: added });
}

const within = (inner: Hunk, outer: Hunk): boolean =>
  inner.bStart >= outer.bStart && inner.bEnd <= outer.bEnd && inner.vStart >= outer.vStart && inner.vEnd <= outer.vEnd;

/** Classifies each hunk; hunks that widen into a span already classified (one date, two edits) count once. */
export function classifyHunks(
  location: string,
  baseline: string,
  variant: string,
  hunks: readonly Hunk[],
  zones: ZonePair | null = null,
  locales: LocalePair | null = null,
): ClassifiedChange[] {
  const out: ClassifiedChange[] = [];
  const spans: Hunk[] = [];
  for (const hunk of hunks) {
    const classified = classifyChange(location, baseline, variant, hunk, zones, locales);
    const span = classified[0]?.span ?? hunk;
    if (spans.some((prev) => within(span, prev))) continue;
    spans.push(span);
    out.push(...classified);
  }
  return out;
}
