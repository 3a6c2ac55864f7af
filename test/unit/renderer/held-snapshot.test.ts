import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../contract/events.js';
import { diffForDelta } from '../../../main/monitor/changes.js';
import { appendEvents, isNewer, receiveDelta, RECENT_EVENTS } from '../../../renderer/src/hooks/held-snapshot.js';
import { conn, snap } from '../monitor/snapshots.js';

const first = snap();
const second = snap({ takenAt: '2026-11-24T10:00:05.000Z', connections: [conn(), conn({ pid: 9 })] });
const third = snap({ takenAt: '2026-11-24T10:00:10.000Z', connections: [conn({ pid: 9 })] });
const d2 = diffForDelta({ seq: 1, snapshot: first }, second, 2);
const d3 = diffForDelta({ seq: 2, snapshot: second }, third, 3);

describe('receiveDelta', () => {
  it('applies a delta that follows on from the held seq', () => {
    const outcome = receiveDelta({ seq: 1, snapshot: first }, d2);
    expect(outcome).toEqual({ kind: 'applied', held: { seq: 2, snapshot: second } });
  });

  it('asks for the snapshot again when a delta is missing, or when nothing is held yet', () => {
    expect(receiveDelta({ seq: 1, snapshot: first }, d3)).toEqual({ kind: 'gap' });
    expect(receiveDelta(null, d2)).toEqual({ kind: 'gap' });
    expect(receiveDelta({ seq: 0, snapshot: null }, d2)).toEqual({ kind: 'gap' });
  });

  it('ignores a delta already contained in what is held', () => {
    expect(receiveDelta({ seq: 3, snapshot: third }, d2)).toEqual({ kind: 'old' });
    expect(receiveDelta({ seq: 3, snapshot: third }, d3)).toEqual({ kind: 'old' });
  });
});

describe('isNewer', () => {
  it('takes a fetched snapshot only when it is ahead of what is held', () => {
    expect(isNewer({ seq: 1, snapshot: first }, null)).toBe(true);
    expect(isNewer({ seq: 2, snapshot: second }, { seq: 1, snapshot: first })).toBe(true);
    expect(isNewer({ seq: 2, snapshot: second }, { seq: 2, snapshot: second })).toBe(false);
    expect(isNewer({ seq: 1, snapshot: first }, { seq: 3, snapshot: third })).toBe(false);
  });
});

describe('appendEvents', () => {
  it(`keeps the latest ${RECENT_EVENTS}, oldest first, and the same list when nothing happened`, () => {
    const event = (n: number): MonitorEvent => ({ type: 'tool-stopped', at: String(n), toolId: 't', name: 'T' });
    const full = appendEvents([], Array.from({ length: RECENT_EVENTS }, (_, i) => event(i)));
    const more = appendEvents(full, [event(RECENT_EVENTS), event(RECENT_EVENTS + 1)]);
    expect(more).toHaveLength(RECENT_EVENTS);
    expect(more[0]?.at).toBe('2');
    expect(more.at(-1)?.at).toBe(String(RECENT_EVENTS + 1));
    expect(appendEvents(more, [])).toBe(more);
  });
});
