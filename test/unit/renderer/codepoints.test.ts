import { describe, expect, it } from 'vitest';
import { codePointLabel, formatCodePoint, segmentText } from '../../../renderer/src/lib/codepoints.js';

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
