/**
 * Classifies one difference between a baseline and a variant string (ChangeKind) and describes it:
 * invisible characters, look-alike swaps, date/number format switches, whitespace, or plain text.
 */
import type { ChangeKind, CodePointInfo, ProbeChange } from '../../../contract/snapshot.js';
import { isInvisible, isWhitespace } from '../../../common/codepoints.js';
import { distinctCodePoints, looksAlike } from './codepoints.js';
import { numericTokenAround, sameValueOtherFormat } from './formats.js';
import type { Hunk } from './hunks.js';

const CONTEXT = 32;

export interface ClassifiedChange {
  change: ProbeChange;
  /** The span the change covers (a format change is widened to the whole date or number). */
  span: Hunk;
}

function describeChars(infos: CodePointInfo[]): string {
  return infos.map((i) => `${i.codePoint} ${i.name}`).join(', ');
}

/** Letters and digits of ASCII are named by the other side of a look-alike swap, not listed. */
function notAsciiAlnum(char: string): boolean {
  return !/^[0-9A-Za-z]$/.test(char);
}

function quote(text: string): string {
  return text ? `"${text}"` : 'nothing';
}

function widenToFormat(baseline: string, variant: string, hunk: Hunk): Hunk | null {
  const b = numericTokenAround(baseline, hunk.bStart, hunk.bEnd);
  const v = numericTokenAround(variant, hunk.vStart, hunk.vEnd);
  const covers = b.start <= hunk.bStart && b.end >= hunk.bEnd && v.start <= hunk.vStart && v.end >= hunk.vEnd;
  if (!covers) return null;
  const same = sameValueOtherFormat(baseline.slice(b.start, b.end), variant.slice(v.start, v.end));
  return same ? { bStart: b.start, bEnd: b.end, vStart: v.start, vEnd: v.end } : null;
}

export function classifyChange(location: string, baseline: string, variant: string, hunk: Hunk): ClassifiedChange {
  const removed = baseline.slice(hunk.bStart, hunk.bEnd);
  const added = variant.slice(hunk.vStart, hunk.vEnd);
  const changedChars = [...removed, ...added];
  let kind: ChangeKind;
  let codePoints: CodePointInfo[] = [];
  let description: string;
  let span = hunk;

  const formatSpan = widenToFormat(baseline, variant, hunk);
  if (changedChars.some(isInvisible)) {
    kind = 'invisible';
    codePoints = distinctCodePoints([removed, added], isInvisible);
    const verb = added && [...added].some(isInvisible) ? 'inserted' : 'removed';
    description = `invisible character ${verb}: ${describeChars(codePoints)}`;
  } else if (changedChars.length > 0 && changedChars.every(isWhitespace)) {
    kind = 'whitespace';
    codePoints = distinctCodePoints([removed, added]);
    description = `whitespace changed (${describeChars(codePoints)})`;
  } else if (removed && added && looksAlike(removed, added)) {
    kind = 'confusable';
    codePoints = distinctCodePoints([removed, added], notAsciiAlnum);
    const from = describeChars(distinctCodePoints([removed], notAsciiAlnum)) || quote(removed);
    const to = describeChars(distinctCodePoints([added], notAsciiAlnum)) || quote(added);
    description = `look-alike swap: ${from} became ${to} (renders the same)`;
  } else if (formatSpan) {
    kind = 'format';
    span = formatSpan;
    description = `same value in another format: ${baseline.slice(span.bStart, span.bEnd)} became ${variant.slice(span.vStart, span.vEnd)}`;
  } else {
    kind = 'text';
    description = `text changed: ${quote(removed)} became ${quote(added)}`;
  }
  return {
    span,
    change: {
      kind,
      location,
      baseline: baseline.slice(span.bStart, span.bEnd),
      variant: variant.slice(span.vStart, span.vEnd),
      contextBefore: baseline.slice(Math.max(0, span.bStart - CONTEXT), span.bStart),
      contextAfter: baseline.slice(span.bEnd, span.bEnd + CONTEXT),
      codePoints,
      description,
    },
  };
}

const within = (inner: Hunk, outer: Hunk): boolean =>
  inner.bStart >= outer.bStart && inner.bEnd <= outer.bEnd && inner.vStart >= outer.vStart && inner.vEnd <= outer.vEnd;

/** Classifies each hunk; hunks that widen into a span already reported (one date, two edits) count once. */
export function classifyHunks(location: string, baseline: string, variant: string, hunks: readonly Hunk[]): ClassifiedChange[] {
  const out: ClassifiedChange[] = [];
  for (const hunk of hunks) {
    const classified = classifyChange(location, baseline, variant, hunk);
    if (!out.some((prev) => within(classified.span, prev.span))) out.push(classified);
  }
  return out;
}
