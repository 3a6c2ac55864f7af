import type { CodePointInfo } from '../../../contract/snapshot.js';

/** A run of plain text, or one character that must be shown explicitly. */
export type CharSegment =
  | { kind: 'text'; text: string }
  /** Renders nothing on its own (zero-width, bidi control, control, odd space): shown as ⟦U+200B⟧. */
  | { kind: 'invisible'; char: string; codePoint: string; placeholder: string }
  /** Visible but outside ASCII, so it may pass for an ASCII character (U+2019 for '). */
  | { kind: 'lookalike'; char: string; codePoint: string };

/** "U+02BC": at least four upper-case hex digits. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "U+02BC MODIFIER LETTER APOSTROPHE", the badge text for one code point. */
export function codePointLabel(info: CodePointInfo): string {
  return info.name ? `${info.codePoint} ${info.name}` : info.codePoint;
}

// Format (Cf: ZWSP, ZWJ, bidi controls, BOM), control (Cc), separators, every space but U+0020,
// default-ignorables (variation selectors, Hangul fillers, CGJ) and the blank braille pattern.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u{2800}]/u;

const isInvisible = (char: string) => char !== ' ' && INVISIBLE.test(char);

/**
 * Splits text so that invisible characters become placeholders. With markNonAscii (for the part that
 * differs), every non-ASCII character is singled out too; in surrounding context it stays plain so
 * that ordinary non-Latin text is not flagged.
 */
export function segmentText(text: string, markNonAscii: boolean): CharSegment[] {
  const segments: CharSegment[] = [];
  let plain = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const invisible = isInvisible(char);
    if (!invisible && (cp < 0x7f || !markNonAscii)) {
      plain += char;
      continue;
    }
    if (plain) segments.push({ kind: 'text', text: plain });
    plain = '';
    const codePoint = formatCodePoint(cp);
    segments.push(
      invisible
        ? { kind: 'invisible', char, codePoint, placeholder: `⟦${codePoint}⟧` }
        : { kind: 'lookalike', char, codePoint },
    );
  }
  if (plain) segments.push({ kind: 'text', text: plain });
  return segments;
}
