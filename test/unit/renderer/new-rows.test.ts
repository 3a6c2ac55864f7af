import { describe, expect, it } from 'vitest';
import { expireNewRows, nextExpiry, nextNewRows, NO_NEW_ROWS } from '../../../renderer/src/lib/new-rows.js';

describe('new rows', () => {
  it('marks nothing on the first sample, then what the previous sample did not have', () => {
    const first = nextNewRows(NO_NEW_ROWS, ['a', 'b'], 1000, 5000);
    expect([...first.since.keys()]).toEqual([]);
    const second = nextNewRows(first, ['a', 'b', 'c'], 2000, 5000);
    expect([...second.since]).toEqual([['c', 2000]]);
    // Still new at the next sample (within the hold), with its first time; a row gone is unmarked.
    const third = nextNewRows(second, ['a', 'c', 'd'], 3000, 5000);
    expect([...third.since]).toEqual([
      ['c', 2000],
      ['d', 3000],
    ]);
    expect([...nextNewRows(third, ['a', 'd'], 4000, 5000).since]).toEqual([['d', 3000]]);
  });

  it('expires marks after the hold and says when the next one expires', () => {
    const state = nextNewRows(nextNewRows(NO_NEW_ROWS, ['a'], 0, 5000), ['a', 'b'], 1000, 5000);
    expect(nextExpiry(state, 5000)).toBe(6000);
    expect(expireNewRows(state, 5999, 5000)).toBe(state);
    const expired = expireNewRows(state, 6000, 5000);
    expect(expired.since.size).toBe(0);
    expect(nextExpiry(expired, 5000)).toBeNull();
    // A row that comes back after it went away is new again.
    const gone = nextNewRows(expired, ['a'], 7000, 5000);
    expect([...nextNewRows(gone, ['a', 'b'], 8000, 5000).since]).toEqual([['b', 8000]]);
  });
});
