import { describe, expect, it } from 'vitest';
import { classifyHunks } from '../../../main/core/probe/classify.js';
import { makeVisible } from '../../../main/core/probe/codepoints.js';
import { diffHunks } from '../../../main/core/probe/hunks.js';

function changes(baseline: string, variant: string) {
  return classifyHunks('body.system', baseline, variant, diffHunks(baseline, variant)).map((c) => c.change);
}

describe('classifyChange', () => {
  it('finds a look-alike apostrophe and names both code points', () => {
    const [change, ...rest] = changes("Today's date", 'Today\u02bcs date');
    expect(rest).toEqual([]);
    expect(change?.kind).toBe('confusable');
    expect(change?.codePoints.map((c) => c.codePoint)).toEqual(['U+0027', 'U+02BC']);
    expect(change?.codePoints[1]?.name).toBe('MODIFIER LETTER APOSTROPHE');
    expect(change?.contextBefore.endsWith('Today')).toBe(true);
    expect(change?.contextAfter.startsWith('s date')).toBe(true);
  });

  it('finds a hyphen swapped for U+2010', () => {
    expect(changes('well-known', 'well\u2010known')[0]?.kind).toBe('confusable');
  });

  it.each([
    ['zero-width space', 'abc', 'ab\u200bc', 'U+200B'],
    ['bidi override', 'abc', 'a\u202ebc', 'U+202E'],
    ['tag character', 'abc', 'abc\u{e0041}', 'U+E0041'],
    ['variation selector', 'abc', 'ab\ufe0fc', 'U+FE0F'],
    ['soft hyphen', 'abc', 'a\u00adbc', 'U+00AD'],
  ])('finds an invisible %s', (_label, baseline, variant, codePoint) => {
    const [change] = changes(baseline, variant);
    expect(change?.kind).toBe('invisible');
    expect(change?.codePoints.map((c) => c.codePoint)).toEqual([codePoint]);
  });

  it.each([
    ['2026-11-24', '2026/11/24'],
    ['2026-11-24', '24.11.2026'],
    ['1,234.5', '1.234,5'],
    ['13:05', '1:05 PM'],
  ])('finds a format change %s -> %s over the whole token', (from, to) => {
    const found = changes(`Date is ${from}.`, `Date is ${to}.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'format', baseline: from, variant: to });
  });

  it('does not call a different date a format change', () => {
    expect(changes('on 2026-11-24.', 'on 2026-11-25.')[0]?.kind).toBe('text');
  });

  it('finds whitespace changes, including NBSP', () => {
    const [nbsp] = changes('a b', 'a\u00a0b');
    expect(nbsp?.kind).toBe('whitespace');
    expect(nbsp?.codePoints.map((c) => c.codePoint)).toEqual(['U+0020', 'U+00A0']);
    expect(changes('a b', 'a  b')[0]?.kind).toBe('whitespace');
  });

  it('reports other edits as text', () => {
    const [change] = changes('time zone UTC', 'time zone Asia/Shanghai');
    expect(change?.kind).toBe('text');
    expect(change?.description).toContain('Asia/Shanghai');
  });

  it('makes deceptive characters visible but leaves other scripts alone', () => {
    expect(makeVisible('Today\u02bcs\u200b 今天')).toBe('Today⟦U+02BC⟧s⟦U+200B⟧ 今天');
  });
});
