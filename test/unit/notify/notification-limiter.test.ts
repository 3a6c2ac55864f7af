import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../main/core/notify/rules.js';
import { NotificationLimiter } from '../../../main/monitor/notification-limiter.js';

function setup(windowMs = 60_000) {
  let now = 1_000_000;
  let n = 0;
  const limiter = new NotificationLimiter({ windowMs, now: () => now, newId: () => `n${++n}` });
  return { limiter, advance: (ms: number) => (now += ms), now: () => now };
}

const started = (toolId: string, title = `${toolId} started`): Candidate => ({
  rule: 'tool-started',
  toolId,
  message: { id: 'notification.tool-started', tool: toolId },
  title,
  body: '',
  at: 'x',
});

describe('NotificationLimiter', () => {
  it('shows the first of a kind at once and folds a batch of the same kind into it', () => {
    const { limiter } = setup();
    const shown = limiter.offer([started('a', 'first'), started('a', 'second'), started('b')]);
    // The message travels with the notification, for each view to render in its language.
    expect(shown[0]?.message).toEqual({ id: 'notification.tool-started', tool: 'a' });
    expect(shown.map((n) => [n.toolId, n.title, n.folded])).toEqual([
      ['a', 'second', 1],
      ['b', 'b started', 0],
    ]);
    expect(new Set(shown.map((n) => n.id)).size).toBe(2);
  });

  it('holds later ones of a kind until the window ends, then shows the latest with the count folded', () => {
    const { limiter, advance, now } = setup(60_000);
    limiter.offer([started('a')]);
    advance(10_000);
    expect(limiter.offer([started('a', 'again 1')])).toEqual([]);
    advance(10_000);
    expect(limiter.offer([started('a', 'again 2'), started('a', 'again 3')])).toEqual([]);
    expect(limiter.nextDueAt()).toBe(now() + 40_000);
    advance(39_999);
    expect(limiter.due()).toEqual([]);
    advance(1);
    const [folded] = limiter.due();
    expect(folded).toMatchObject({ title: 'again 3', folded: 2 });
    // That started a new window: the next one waits again; nothing is held now.
    expect(limiter.nextDueAt()).toBeNull();
    expect(limiter.offer([started('a', 'later')])).toEqual([]);
  });

  it('a candidate arriving after the window ended takes the held ones with it', () => {
    const { limiter, advance } = setup(1000);
    limiter.offer([started('a')]);
    limiter.offer([started('a', 'held')]);
    advance(1500);
    expect(limiter.offer([started('a', 'new')]).map((n) => [n.title, n.folded])).toEqual([['new', 1]]);
  });

  it('keeps kinds apart: rule x tool', () => {
    const { limiter } = setup();
    limiter.offer([started('a')]);
    const other: Candidate = {
      rule: 'new-destination',
      toolId: 'a',
      message: { id: 'notification.new-org', tool: 'a', org: 'Hetzner', host: 'example.de', port: 443 },
      title: 'new place',
      body: '',
      at: 'x',
    };
    expect(limiter.offer([other, started('b')]).map((n) => n.title)).toEqual(['new place', 'b started']);
  });
});
