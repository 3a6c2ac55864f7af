import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../common/i18n/render.js';
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

describe('dates and times by format and by value', () => {
  const utcShanghai = { baseline: 'UTC', variant: 'Asia/Shanghai' };
  const inZones = (b: string, v: string, zones: { baseline: string; variant: string } | null) =>
    classifyHunks('body.system', b, v, diffHunks(b, v), zones).map((c) => c.change);

  it('reports a changed separator as format whatever the day, and a day ahead in Shanghai as local time', () => {
    // 20:00 UTC on the 29th is the 30th in Shanghai: the real Claude Code 2.1.197 case.
    const found = inZones("Today's date is 2026-11-29.", "Today's date is 2026/11/30.", utcShanghai);
    expect(found.map((c) => c.kind)).toEqual(['format', 'offset']);
    expect(found[0]).toMatchObject({ baseline: '2026-11-29', variant: '2026/11/30' });
    expect(found[0]?.description).toContain('YYYY-MM-DD became YYYY/MM/DD');
    expect(found[1]?.description).toContain('UTC+08:00');
    expect(found[1]?.description).not.toMatch(/China/);
  });

  it('reports only the format when the dates agree (before 16:00 UTC)', () => {
    expect(inZones('date 2026-11-29.', 'date 2026/11/29.', utcShanghai).map((c) => c.kind)).toEqual(['format']);
  });

  it('calls a day behind in a zone east of UTC a changed date, not local time', () => {
    expect(inZones('date 2026-11-29.', 'date 2026-11-28.', utcShanghai).map((c) => c.kind)).toEqual(['text']);
  });

  it('sees a day behind in New York as local time', () => {
    const found = inZones('date 2026-11-30.', 'date 2026-11-29.', { baseline: 'UTC', variant: 'America/New_York' });
    expect(found.map((c) => c.kind)).toEqual(['offset']);
    expect(found[0]?.description).toContain('UTC-05:00');
  });

  it('lets the clock move between runs in one zone', () => {
    expect(inZones('date 2026-11-29.', 'date 2026-11-30.', { baseline: 'UTC', variant: 'UTC' })).toEqual([]);
  });

  it.each([
    ['order', '29.11.2026', '11/29/2026'],
    ['width', '2026-11-05', '2026-11-5'],
    ['calendar', '2026-11-29', '2026年11月29日'],
  ])('reports a change of %s as format', (_what, from, to) => {
    expect(inZones(`on ${from} ok`, `on ${to} ok`, utcShanghai).map((c) => c.kind)).toEqual(['format']);
  });

  it('reads an ISO date-time with its offset as local time when the offset is the zone\'s', () => {
    const b = '<current_datetime>2026-11-29T20:46:12+00:00</current_datetime>';
    const v = '<current_datetime>2026-11-30T04:46:12+08:00</current_datetime>';
    const found = inZones(b, v, utcShanghai);
    expect(found.map((c) => c.kind)).toEqual(['offset']);
    expect(found[0]).toMatchObject({ baseline: '2026-11-29T20:46:12+00:00', variant: '2026-11-30T04:46:12+08:00' });
  });

  it('does not take an offset that is not the zone\'s for local time', () => {
    const found = inZones('at 2026-11-29T20:46:12+00:00 ok', 'at 2026-11-30T05:46:12+09:00 ok', utcShanghai);
    expect(found.map((c) => c.kind)).toEqual(['text']);
  });

  it('reads a clock 8 hours ahead as local time', () => {
    expect(inZones('time 20:46 now', 'time 04:46 now', utcShanghai).map((c) => c.kind)).toEqual(['offset']);
  });

  describe('dates with month names', () => {
    it('reads a month that turns over in Shanghai as local time, not changed words (real Claude Code 2.1.197)', () => {
      // 20:00 UTC on 30 November is 1 December in Shanghai.
      const b = 'The current month is November 2026 — use this when searching.';
      const v = 'The current month is December 2026 — use this when searching.';
      const found = inZones(b, v, utcShanghai);
      expect(found.map((c) => c.kind)).toEqual(['offset']);
      expect(found[0]).toMatchObject({ baseline: 'November 2026', variant: 'December 2026' });
    });

    it('calls a month that moves against the zone a changed date', () => {
      expect(inZones('month November 2026.', 'month October 2026.', utcShanghai).map((c) => c.kind)).toEqual(['text']);
    });

    it('reads a whole written date a day ahead as local time', () => {
      const found = inZones('Today is Monday, November 30, 2026.', 'Today is Tuesday, December 1, 2026.', utcShanghai);
      expect(found.map((c) => c.kind)).toEqual(['offset']);
      expect(found[0]).toMatchObject({ baseline: 'Monday, November 30, 2026', variant: 'Tuesday, December 1, 2026' });
    });

    it.each([
      ['order', 'November 30, 2026', '30 November 2026'],
      ['abbreviation', 'November 30, 2026', 'Nov 30, 2026'],
      ['to a numeric date', 'November 30, 2026', '2026-11-30'],
    ])('reports a change of %s as format, same value', (_what, from, to) => {
      const found = inZones(`on ${from} ok`, `on ${to} ok`, utcShanghai);
      expect(found.map((c) => c.kind)).toEqual(['format']);
      expect(found[0]?.description).toContain('same value');
    });

    it('lets a month turn over between runs in one zone', () => {
      expect(inZones('month November 2026.', 'month December 2026.', { baseline: 'UTC', variant: 'UTC' })).toEqual([]);
    });

    it('reads a CJK date with its weekday as one date, its width shown only by the later date', () => {
      // 11月30日 reads the same padded or not; 12月1日 shows the writer does not pad: no change of format.
      const found = inZones('今天是2026年11月30日星期一。', '今天是2026年12月1日星期二。', utcShanghai);
      expect(found.map((c) => c.kind)).toEqual(['offset']);
      expect(found[0]).toMatchObject({ baseline: '2026年11月30日星期一', variant: '2026年12月1日星期二' });
    });

    it.each([
      ['JavaScript toDateString (real opencode)', 'Mon Nov 30 2026', 'Tue Dec 01 2026'],
      ['an unpadded numeric date', '2026-11-30', '2026-12-1'],
      ['a padded numeric date', '2026-11-30', '2026-12-01'],
      ['a written day', 'November 30, 2026', 'December 01, 2026'],
    ])('does not call a width the first date could not show a change of format: %s', (_what, from, to) => {
      expect(inZones(`Today is ${from}.`, `Today is ${to}.`, utcShanghai).map((c) => c.kind)).toEqual(['offset']);
    });

    it.each([
      ['numeric', '2026-01-05', '2026-1-6'],
      ['written', 'January 05, 2026', 'January 6, 2026'],
    ])('still reports a width both dates show as a change of format: %s', (_what, from, to) => {
      expect(inZones(`Today is ${from}.`, `Today is ${to}.`, utcShanghai).map((c) => c.kind)).toContain('format');
    });

    it('leaves other words alone', () => {
      expect(inZones('Mayday 2026 call', 'Maybe 2026 call', utcShanghai).map((c) => c.kind)).toEqual(['text']);
    });
  });
});

describe('dates and numbers the locale writes so', () => {
  const enZh = { baseline: 'en_US.UTF-8', variant: 'zh_CN.UTF-8' };
  const inLocales = (b: string, v: string, locales: { baseline: string; variant: string } | null) =>
    classifyHunks('body.system', b, v, diffHunks(b, v), { baseline: 'UTC', variant: 'UTC' }, locales).map((c) => c.change);

  it('calls a date written the zh-CN way a localised date, not a covert format switch', () => {
    // toLocaleDateString() under LANG=zh_CN.UTF-8: the separator swap of the 2026 check, but openly.
    const found = inLocales('Today is 11/30/2026.', 'Today is 2026/11/30.', enZh);
    expect(found.map((c) => c.kind)).toEqual(['localised']);
    expect(found[0]?.description).toContain('zh-CN');
  });

  it('reads a full written date in Chinese and in Japanese (real Gemini CLI) as localised', () => {
    expect(inLocales('Monday, November 30, 2026', '2026年11月30日星期一', enZh).map((c) => c.kind)).toEqual(['localised']);
    const enJa = { baseline: 'en_US.UTF-8', variant: 'ja_JP.UTF-8' };
    expect(inLocales('Monday, November 30, 2026', '2026年11月30日月曜日', enJa).map((c) => c.kind)).toEqual(['localised']);
  });

  it('keeps a switch no locale explains a covert format change', () => {
    // The 2026 channel: ISO date to slashes while the locale stays en_US.
    expect(inLocales('date 2026-11-30.', 'date 2026/11/30.', { baseline: 'en_US.UTF-8', variant: 'en_US.UTF-8' }).map((c) => c.kind)).toEqual(['format']);
    // A slash date under ja_JP is how ja-JP writes it too; under de_DE it is not.
    const enDe = { baseline: 'en_US.UTF-8', variant: 'de_DE.UTF-8' };
    expect(inLocales('date 2026-11-30.', 'date 2026/11/30.', enDe).map((c) => c.kind)).toEqual(['format']);
  });

  it('calls digits grouped the locale way localised', () => {
    const enDe = { baseline: 'en_US.UTF-8', variant: 'de_DE.UTF-8' };
    expect(inLocales('size 1,234,567 bytes', 'size 1.234.567 bytes', enDe).map((c) => c.kind)).toEqual(['localised']);
  });
});

describe('each change as a message, the English description its rendering', () => {
  const utcShanghai = { baseline: 'UTC', variant: 'Asia/Shanghai' };
  const found = (b: string, v: string) => classifyHunks('body.system', b, v, diffHunks(b, v), utcShanghai).map((c) => c.change);

  it.each([
    ['a look-alike swap', "Today's date", 'Today\u02bcs date', 'probe-change.confusable', '形近字符替换：U+0027 APOSTROPHE 变为 U+02BC MODIFIER LETTER APOSTROPHE（显示效果相同）'],
    ['an invisible character', 'abc', 'ab\u200bc', 'probe-change.invisible', '插入了不可见字符：U+200B ZERO WIDTH SPACE'],
    ['another space', 'a b', 'a\u00a0b', 'probe-change.whitespace', '空白字符有变化（U+0020 SPACE、U+00A0 NO-BREAK SPACE）'],
    ['a separator', 'date 2026-11-29.', 'date 2026/11/29.', 'probe-change.format', '日期换了一种写法，值不变：YYYY-MM-DD 变为 YYYY/MM/DD（2026-11-29 变为 2026/11/29）'],
    ['a clock', 'at 14:05 today', 'at 2:05 PM today', 'probe-change.format', '时间换了一种写法，值不变：HH:mm 变为 h:mm A（14:05 变为 2:05 PM）'],
    ['plain text', 'zone UTC', 'zone Asia/Shanghai', 'probe-change.text', '文本有变化：“UTC”变为“Asia/Shanghai”'],
  ])('%s', (_, baseline, variant, id, chinese) => {
    const [change] = found(baseline, variant);
    expect(change?.message?.id).toBe(id);
    expect(change?.description).toBe(renderMessage(change!.message!, 'en'));
    expect(renderMessage(change!.message!, 'zh-CN')).toBe(chinese);
  });

  it('a local date a day ahead tells the offsets, in both languages', () => {
    const [, local] = found("Today's date is 2026-11-29.", "Today's date is 2026/11/30.");
    expect(local?.message).toEqual({
      id: 'probe-change.local-time',
      what: 'date',
      baseline: '2026-11-29',
      variant: '2026/11/30',
      baselineOffset: 'UTC',
      variantOffset: 'UTC+08:00',
    });
    expect(renderMessage(local!.message!, 'zh-CN')).toBe('日期使用本地时间：2026-11-29（UTC）变为 2026/11/30（UTC+08:00）；这会暴露 UTC 偏移，而其他时区也可能是同一偏移');
  });
});
