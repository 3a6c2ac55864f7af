import { describe, expect, it } from 'vitest';
import { codePointLabel, formatCodePoint, isInvisible, isWhitespace, placeholderOf, segmentText } from '../../../common/codepoints.js';
import { makeVisible } from '../../../main/core/probe/codepoints.js';

describe('formatCodePoint', () => {
  it('pads to four hex digits and keeps longer ones', () => {
    expect(formatCodePoint(0x27)).toBe('U+0027');
    expect(formatCodePoint(0x2bc)).toBe('U+02BC');
    expect(formatCodePoint(0x1f600)).toBe('U+1F600');
  });
});

describe('codePointLabel', () => {
  it('joins code point and name, or gives the code point alone', () => {
    expect(codePointLabel({ char: 'ʼ', codePoint: 'U+02BC', name: 'MODIFIER LETTER APOSTROPHE' })).toBe(
      'U+02BC MODIFIER LETTER APOSTROPHE',
    );
    expect(codePointLabel({ char: '\u{E000}', codePoint: 'U+E000', name: '' })).toBe('U+E000');
  });
});

describe('segmentText', () => {
  it('turns zero-width, bidi, control and odd space characters into placeholders', () => {
    expect(segmentText('a\u200Bb\u202Ec\u00A0d\ne', false)).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'invisible', char: '\u200B', codePoint: 'U+200B', placeholder: '⟦U+200B⟧' },
      { kind: 'text', text: 'b' },
      { kind: 'invisible', char: '\u202E', codePoint: 'U+202E', placeholder: '⟦U+202E⟧' },
      { kind: 'text', text: 'c' },
      { kind: 'invisible', char: '\u00A0', codePoint: 'U+00A0', placeholder: '⟦U+00A0⟧' },
      { kind: 'text', text: 'd' },
      { kind: 'invisible', char: '\n', codePoint: 'U+000A', placeholder: '⟦U+000A⟧' },
      { kind: 'text', text: 'e' },
    ]);
  });

  it('singles out non-ASCII look-alikes only when asked', () => {
    expect(segmentText('Today\u02BCs', true)).toEqual([
      { kind: 'text', text: 'Today' },
      { kind: 'lookalike', char: '\u02BC', codePoint: 'U+02BC' },
      { kind: 'text', text: 's' },
    ]);
    expect(segmentText('Today\u2019s 今天', false)).toEqual([{ kind: 'text', text: 'Today\u2019s 今天' }]);
  });

  it('keeps astral characters whole and variation selectors visible', () => {
    expect(segmentText('\u{1F600}\uFE0F', true)).toEqual([
      { kind: 'lookalike', char: '\u{1F600}', codePoint: 'U+1F600' },
      { kind: 'invisible', char: '\uFE0F', codePoint: 'U+FE0F', placeholder: '⟦U+FE0F⟧' },
    ]);
    expect(segmentText('', true)).toEqual([]);
  });
});

describe('isInvisible and isWhitespace', () => {
  const chars = (...codePoints: number[]) => codePoints.map((cp) => String.fromCodePoint(cp));

  it('call invisible what renders as nothing: format, default-ignorable and non-space control characters', () => {
    // soft hyphen, CGJ, Arabic letter mark, Mongolian vowel separator, ZWSP..RLM, bidi embeddings,
    // word joiner, bidi isolates, variation selectors, BOM, tags, Hangul filler, blank braille, ESC, DEL
    const invisible = chars(0xad, 0x34f, 0x61c, 0x180e, 0x200b, 0x200f, 0x202e, 0x2060, 0x2066, 0xfe0f, 0xfeff, 0xe0041, 0xe0100, 0x3164, 0x2800, 0x1b, 0x7f);
    expect(invisible.filter((c) => !isInvisible(c)).map((c) => placeholderOf(c))).toEqual([]);
    expect(['a', ' ', '\t', '\n', '\u00a0', '\u02bc', '今'].filter(isInvisible)).toEqual([]);
  });

  it('call whitespace the spaces and line breaks, not the zero-width characters', () => {
    expect([' ', '\t', '\n', '\r', '\u00a0', '\u2009', '\u2028', '\u3000'].every(isWhitespace)).toBe(true);
    expect(['\u200b', '\u2060', 'a', '\u00ad'].some(isWhitespace)).toBe(false);
  });

  it('mark the same characters in the probe report (main) as in the Probe view (renderer)', () => {
    const text = 'a\u200Bb\u00A0c\u2066d\u{E0041}e';
    const shown = segmentText(text, false)
      .map((s) => (s.kind === 'invisible' ? s.placeholder : s.kind === 'text' ? s.text : s.char))
      .join('');
    expect(makeVisible(text)).toBe(shown);
    expect(shown).toBe('a⟦U+200B⟧b⟦U+00A0⟧c⟦U+2066⟧d⟦U+E0041⟧e');
  });
});
