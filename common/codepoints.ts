/**
 * Which characters a reader cannot see or tell apart, and how to name them: one classification for
 * the probe's change classifier and report (main) and the Probe view (renderer). Look-alike
 * skeletons and Unicode names need large tables and stay in main/core/probe/codepoints.ts.
 */
import type { CodePointInfo } from '../contract/snapshot.js';

/** "U+02BC": at least four upper-case hex digits. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The "U+XXXX" of a character (its first code point). */
export function codePointOf(char: string): string {
  return formatCodePoint(char.codePointAt(0) ?? 0);
}

/** "U+02BC MODIFIER LETTER APOSTROPHE", the badge text for one code point. */
export function codePointLabel(info: CodePointInfo): string {
  return info.name ? `${info.codePoint} ${info.name}` : info.codePoint;
}

/** ⟦U+200B⟧: how a character that cannot be seen is shown instead. */
export function placeholderOf(char: string): string {
  return `⟦${codePointOf(char)}⟧`;
}

/** Spaces, tabs, line breaks and the Unicode space separators (NBSP, thin space, ideographic space, ...). */
export function isWhitespace(char: string): boolean {
  return /^\s$/u.test(char);
}

// Format characters (Cf: ZWSP, ZWJ, bidi controls, BOM, tags, soft hyphen), default-ignorables
// (variation selectors, CGJ, Hangul fillers) and the blank braille pattern.
const RENDERS_NOTHING = /^[\p{Cf}\p{Default_Ignorable_Code_Point}\u{2800}]$/u;

/** Characters that render as nothing: format, default-ignorable and control characters that are not whitespace. */
export function isInvisible(char: string): boolean {
  return RENDERS_NOTHING.test(char) || (/^\p{Cc}$/u.test(char) && !isWhitespace(char));
}

/** A run of plain text, or one character that must be shown explicitly. */
export type CharSegment =
  | { kind: 'text'; text: string }
  /** Renders nothing or as a blank (invisible, any whitespace but U+0020): shown as ⟦U+200B⟧. */
  | { kind: 'invisible'; char: string; codePoint: string; placeholder: string }
  /** Visible but outside ASCII, so it may pass for an ASCII character (U+2019 for '). */
  | { kind: 'lookalike'; char: string; codePoint: string };

/**
 * Splits text so that invisible characters and whitespace other than the plain space become
 * placeholders. With markNonAscii (for the part that differs), every non-ASCII character is
 * singled out too; in surrounding context it stays plain so that ordinary non-Latin text is not
 * flagged.
 */
export function segmentText(text: string, markNonAscii: boolean): CharSegment[] {
  const segments: CharSegment[] = [];
  let plain = '';
  for (const char of text) {
    const hidden = char !== ' ' && (isInvisible(char) || isWhitespace(char));
    if (!hidden && ((char.codePointAt(0) ?? 0) < 0x7f || !markNonAscii)) {
      plain += char;
      continue;
    }
    if (plain) segments.push({ kind: 'text', text: plain });
    plain = '';
    const codePoint = codePointOf(char);
    segments.push(hidden ? { kind: 'invisible', char, codePoint, placeholder: placeholderOf(char) } : { kind: 'lookalike', char, codePoint });
  }
  if (plain) segments.push({ kind: 'text', text: plain });
  return segments;
}
