import { describe, expect, it } from 'vitest';
import { markAllSeen, markSeen, nextDwellEnd, nextNewRows, NO_NEW_ROWS, seenAfterDwell, unseenCount } from '../../../renderer/src/lib/new-rows.js';

const rows = (...ids: string[]) => ids.map((identity) => ({ identity }));

describe('new rows', () => {
  it('marks nothing on the first sample, then what the previous sample did not have, until seen or gone', () => {
    const first = nextNewRows(NO_NEW_ROWS, ['a', 'b']);
    expect([...first.unseen]).toEqual([]);
    const second = nextNewRows(first, ['a', 'b', 'c']);
    expect([...second.unseen]).toEqual(['c']);
    // However many samples pass, an unseen row stays new; a row gone is dropped.
    let later = second;
    for (let i = 0; i < 50; i++) later = nextNewRows(later, ['a', 'c', 'd']);
    expect([...later.unseen].sort()).toEqual(['c', 'd']);
    expect([...nextNewRows(later, ['a', 'd']).unseen]).toEqual(['d']);
  });

  it('forgets a row once seen; it is new again only when it comes back after going away', () => {
    const state = nextNewRows(nextNewRows(NO_NEW_ROWS, ['a']), ['a', 'b', 'c']);
    const seen = markSeen(state, ['b', 'x']);
    expect([...seen.unseen]).toEqual(['c']);
    expect(markSeen(seen, ['b'])).toBe(seen);
    expect([...nextNewRows(seen, ['a', 'b', 'c']).unseen]).toEqual(['c']);
    const gone = nextNewRows(seen, ['a', 'c']);
    expect([...nextNewRows(gone, ['a', 'b', 'c']).unseen].sort()).toEqual(['b', 'c']);
  });

  it('marks all as seen at once, and counts the unseen among the rows shown', () => {
    const state = nextNewRows(nextNewRows(NO_NEW_ROWS, ['a']), ['a', 'b', 'c']);
    expect(unseenCount(state.unseen, rows('a', 'b', 'c'))).toBe(2);
    // A row the filters hide is still unseen but not counted.
    expect(unseenCount(state.unseen, rows('a', 'c'))).toBe(1);
    const none = markAllSeen(state);
    expect(none.unseen.size).toBe(0);
    expect(unseenCount(none.unseen, rows('a', 'b', 'c'))).toBe(0);
    expect(markAllSeen(none)).toBe(none);
  });
});

describe('dwell', () => {
  it('counts a row seen once it has been in view for the dwell, and says when the next is due', () => {
    const inView = new Map([
      ['a', 1000],
      ['b', 1400],
    ]);
    expect(nextDwellEnd(inView, 600)).toBe(1600);
    expect(seenAfterDwell(inView, 1599, 600)).toEqual([]);
    expect(seenAfterDwell(inView, 1600, 600)).toEqual(['a']);
    expect(seenAfterDwell(inView, 2000, 600)).toEqual(['a', 'b']);
    expect(nextDwellEnd(new Map(), 600)).toBeNull();
  });
});
