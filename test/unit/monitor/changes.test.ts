import { describe, expect, it } from 'vitest';
import { SnapshotDelta, type MonitorEvent } from '../../../contract/events.js';
import { applyDelta, connectionKey } from '../../../common/snapshot-delta.js';
import { diffForDelta, isPeerConnection } from '../../../main/monitor/changes.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import { canonical, conn, inf, PROXY, proc, random, randomSnapshot, sig, snap, tool, TZ } from './snapshots.js';

const LATER = '2026-11-24T10:00:05.000Z';
const delta = (prev: Snapshot, next: Snapshot) => diffForDelta({ seq: 7, snapshot: prev }, next, 8);
const types = (events: MonitorEvent[]) => events.map((e) => e.type);

describe('connectionKey', () => {
  it('is protocol, both ends and pid; not state or what is known about the remote', () => {
    const a = conn();
    expect(connectionKey(a)).toBe('tcp 10.0.0.5:51234 160.79.104.10:443 4242');
    expect(connectionKey(conn({ state: 'CLOSE_WAIT', remote: null, toolId: null }))).toBe(connectionKey(a));
    for (const other of [{ pid: 1 }, { pid: null }, { protocol: 'tcp6' as const }, { localPort: 1 }, { remotePort: 80 }, { remoteAddress: '1.1.1.1' }]) {
      expect(connectionKey(conn(other)), JSON.stringify(other)).not.toBe(connectionKey(a));
    }
    expect(connectionKey(conn({ protocol: 'udp6', localAddress: '::', localPort: 5353, remoteAddress: null, remotePort: null, pid: null }))).toBe(
      'udp6 [::]:5353 * -',
    );
  });
});

describe('isPeerConnection', () => {
  it('is false for listeners, unconnected sockets and ownerless leftovers of closed ones', () => {
    expect(isPeerConnection(conn())).toBe(true);
    expect(isPeerConnection(conn({ state: 'SYN_SENT' }))).toBe(true);
    expect(isPeerConnection(conn({ state: 'LISTEN', remoteAddress: '0.0.0.0', remotePort: 0 }))).toBe(false);
    expect(isPeerConnection(conn({ protocol: 'udp', state: 'UNCONN', remoteAddress: null, remotePort: null }))).toBe(false);
    expect(isPeerConnection(conn({ state: 'ESTABLISHED', remoteAddress: '::', remotePort: 0 }))).toBe(false);
    expect(isPeerConnection(conn({ pid: null, ownerUnknown: 'no-process', state: 'TIME_WAIT' }))).toBe(false);
    // Another user's process: its connection is still one.
    expect(isPeerConnection(conn({ pid: null, ownerUnknown: 'permission-denied' }))).toBe(true);
  });
});

describe('diffForDelta: events', () => {
  it('numbers the delta after its base and stamps events with the new sample time', () => {
    const d = delta(snap(), snap({ takenAt: LATER, connections: [] }));
    expect(d).toMatchObject({ seq: 8, baseSeq: 7, takenAt: LATER });
    expect(d.events.every((e) => e.at === LATER)).toBe(true);
    expect(() => SnapshotDelta.parse(d)).not.toThrow();
  });

  it('reports a connection opened and closed by identity, with its process name, not a change of state', () => {
    const held = conn({ pid: 7, localPort: 50000 });
    const prev = snap({ connections: [conn()], processes: [proc(), proc({ pid: 7, name: 'codex' })] });
    const next = snap({ takenAt: LATER, connections: [conn({ state: 'CLOSE_WAIT' }), held], processes: [proc({ pid: 7, name: 'codex' })] });
    const opened = delta(prev, next);
    expect(opened.events).toEqual([{ type: 'connection-opened', at: LATER, connection: { ...held, process: 'codex' } }]);
    // The state change is a patch, not an event.
    expect(opened.connections).toEqual({ upserted: [conn({ state: 'CLOSE_WAIT' }), held], removed: [] });

    const closed = delta(next, snap({ connections: [], processes: [] }));
    expect(closed.events).toEqual([
      { type: 'connection-closed', at: closed.takenAt, connection: { ...conn({ state: 'CLOSE_WAIT' }), process: null } },
      { type: 'connection-closed', at: closed.takenAt, connection: { ...held, process: 'codex' } },
    ]);
    expect(closed.connections.removed).toEqual([connectionKey(conn()), connectionKey(held)]);
  });

  it('upserts listeners, unconnected sockets and TIME_WAIT leftovers without events', () => {
    const quiet = [
      conn({ state: 'LISTEN', remoteAddress: '0.0.0.0', remotePort: 0, localPort: 8080 }),
      conn({ protocol: 'udp', state: 'UNCONN', remoteAddress: null, remotePort: null, localPort: 5353 }),
      conn({ pid: null, ownerUnknown: 'no-process', state: 'TIME_WAIT' }),
    ];
    const d = delta(snap({ connections: [] }), snap({ connections: quiet }));
    expect(d.events).toEqual([]);
    expect(d.connections.upserted).toEqual(quiet);
    expect(delta(snap({ connections: quiet }), snap({ connections: [] })).events).toEqual([]);
  });

  it('reports tools started and stopped with their pids', () => {
    const codex = tool({ id: 'codex', name: 'Codex CLI', running: false, pids: [] });
    const d = delta(snap({ tools: [tool(), codex] }), snap({ tools: [tool({ running: false, pids: [] }), { ...codex, running: true, pids: [9, 10] }] }));
    expect(d.events.filter((e) => e.type.startsWith('tool-'))).toEqual([
      { type: 'tool-started', at: d.takenAt, toolId: 'codex', name: 'Codex CLI', pids: [9, 10] },
      { type: 'tool-stopped', at: d.takenAt, toolId: 'claude-code', name: 'Claude Code' },
    ]);
    expect(d.tools).toHaveLength(2);
  });

  it('reports a signal whose value or status changed, or that came or went, with its kind and key', () => {
    const prev = snap({ signals: [sig(TZ, { value: 'UTC' }), sig(PROXY, { value: 'http://p:3128' })] });
    const next = snap({ signals: [sig(TZ, { value: 'Asia/Shanghai' }), sig({ kind: 'locale', key: { variable: 'LANG' } }, { value: 'zh_CN.UTF-8' })] });
    const d = delta(prev, next);
    expect(d.events).toEqual([
      { type: 'signal-changed', at: d.takenAt, id: 'timezone.iana', signal: TZ, before: 'UTC', after: 'Asia/Shanghai' },
      { type: 'signal-changed', at: d.takenAt, id: 'proxy.env.HTTPS_PROXY', signal: PROXY, before: 'http://p:3128', after: null },
      { type: 'signal-changed', at: d.takenAt, id: 'locale.LANG', signal: { kind: 'locale', key: { variable: 'LANG' } }, before: null, after: 'zh_CN.UTF-8' },
    ]);
    expect(d.signals.removed).toEqual(['proxy.env.HTTPS_PROXY']);

    const status = delta(snap({ signals: [sig(TZ, { value: null, status: 'unavailable', reason: 'no TZ' })] }), snap({ signals: [sig(TZ, { value: null, status: 'error', reason: 'boom' })] }));
    expect(types(status.events)).toEqual(['signal-changed']);

    // Where it was read changed, the value did not: patched, not reported.
    const moved = delta(snap(), snap({ signals: [sig(TZ, { source: 'file:/etc/timezone' })] }));
    expect(moved.events).toEqual([]);
    expect(moved.signals.upserted).toHaveLength(1);
  });

  it('reports inferences gained, lost and changed; a new value of a one-valued id is a change', () => {
    const country = inf();
    const moonshot = inf({ id: 'affiliation.ai-lab', value: 'Moonshot AI' });
    const deepseek = inf({ id: 'affiliation.ai-lab', value: 'DeepSeek' });
    const zhipu = inf({ id: 'affiliation.ai-lab', value: 'Zhipu' });

    const gained = delta(snap({ inferences: [] }), snap({ inferences: [country] }));
    expect(gained.events).toEqual([{ type: 'inference-gained', at: gained.takenAt, inference: country }]);
    expect(delta(snap({ inferences: [country] }), snap({ inferences: [] })).events).toEqual([{ type: 'inference-lost', at: gained.takenAt, inference: country }]);

    const us = inf({ value: 'US', statement: 'You are probably in the US.' });
    expect(delta(snap({ inferences: [country] }), snap({ inferences: [us] })).events).toEqual([{ type: 'inference-changed', at: gained.takenAt, before: country, after: us }]);
    const firmer = inf({ confidence: 'low' });
    expect(types(delta(snap({ inferences: [firmer] }), snap({ inferences: [country] })).events)).toEqual(['inference-changed']);
    const moreEvidence = inf({ evidence: ['registry.npm', 'timezone.iana'] });
    expect(types(delta(snap({ inferences: [country] }), snap({ inferences: [moreEvidence] })).events)).toEqual(['inference-changed']);
    // Evidence in another order, or another statement or audience only: no event (the list is still patched).
    const reordered = delta(snap({ inferences: [moreEvidence] }), snap({ inferences: [{ ...moreEvidence, evidence: ['timezone.iana', 'registry.npm'], visibleTo: [] }] }));
    expect(reordered.events).toEqual([]);
    expect(reordered.inferences).toHaveLength(1);

    // Several labs at once: matched by value.
    const labs = delta(snap({ inferences: [moonshot, deepseek] }), snap({ inferences: [moonshot, zhipu] }));
    expect(labs.events).toEqual([
      { type: 'inference-lost', at: labs.takenAt, inference: deepseek },
      { type: 'inference-gained', at: labs.takenAt, inference: zhipu },
    ]);
  });

  it('reports the exposure level changing, not its summary alone', () => {
    const d = delta(snap({ exposure: { level: 'low', summary: 'a' } }), snap({ exposure: { level: 'high', summary: 'b' } }));
    expect(d.events).toEqual([{ type: 'exposure-changed', at: d.takenAt, before: 'low', after: 'high' }]);
    const reworded = delta(snap({ exposure: { level: 'low', summary: 'a' } }), snap({ exposure: { level: 'low', summary: 'b' } }));
    expect(reworded.events).toEqual([]);
    expect(reworded.exposure).toEqual({ level: 'low', summary: 'b' });
  });

  it("sends the exposure's message with its summary, kept by the contract, so a client renders it in its language", () => {
    const message = { id: 'exposure.nothing', level: 'none' } as const;
    const d = delta(snap({ exposure: { level: 'low', summary: 'a' } }), snap({ exposure: { level: 'none', summary: 'b', message } }));
    expect(SnapshotDelta.parse(JSON.parse(JSON.stringify(d))).exposure).toEqual({ level: 'none', summary: 'b', message });
  });

  it('orders events for reading: tools started, connections, tools stopped, signals, inferences, exposure', () => {
    const prev = snap({ tools: [tool({ id: 'a', running: false, pids: [] }), tool({ id: 'b' })], connections: [conn({ pid: 1 })], inferences: [], exposure: { level: 'none', summary: '' } });
    const next = snap({ tools: [tool({ id: 'a' }), tool({ id: 'b', running: false })], connections: [conn({ pid: 2 })], signals: [sig(TZ, { value: 'x' })], exposure: { level: 'high', summary: '' } });
    expect(types(delta(prev, next).events)).toEqual([
      'tool-started',
      'connection-opened',
      'connection-closed',
      'tool-stopped',
      'signal-changed',
      'inference-gained',
      'exposure-changed',
    ]);
  });
});

describe('diffForDelta: patch', () => {
  it('sends nothing but the time (and timings) for an unchanged sample', () => {
    const prev = snap();
    const d = delta(prev, { ...structuredClone(prev), takenAt: LATER, timings: { total: 20 } });
    expect(d).toEqual({
      seq: 8,
      baseSeq: 7,
      takenAt: LATER,
      connections: { upserted: [], removed: [] },
      processes: { upserted: [], removed: [] },
      signals: { upserted: [], removed: [] },
      timings: { total: 20 },
      events: [],
    });
  });

  it('from nothing (baseSeq 0) carries everything and the events of a first look', () => {
    const next = snap();
    const d = diffForDelta(null, next, 1);
    expect(d.baseSeq).toBe(0);
    expect(types(d.events)).toEqual(['tool-started', 'connection-opened', 'signal-changed', 'inference-gained', 'exposure-changed']);
    const empty: Snapshot = { ...next, signals: [], processes: [], connections: [], tools: [], inferences: [], checks: undefined, exposure: undefined, probes: undefined, timings: undefined };
    expect(canonical(applyDelta(empty, d))).toEqual(canonical(next));
  });
});

describe('applyDelta(prev, diffForDelta(prev, next)) equals next', () => {
  // Two samples of one made-up machine per seed: identities shared, states, values and presence random.
  const SEEDS = 200;
  it(`for ${SEEDS} random pairs of snapshots (modulo the order of keyed lists)`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = random(seed);
      const prev = randomSnapshot(r, '2026-11-24T10:00:00.000Z');
      const next = randomSnapshot(r, LATER);
      const d = delta(prev, next);
      const parsed = SnapshotDelta.safeParse(JSON.parse(JSON.stringify(d)));
      expect(parsed.success, `seed ${seed}: ${parsed.error?.message}`).toBe(true);
      // Through JSON, as the delta travels.
      expect(canonical(applyDelta(prev, parsed.data as SnapshotDelta)), `seed ${seed}`).toEqual(canonical(next));
      // And nothing is left to say between next and itself.
      const again = delta(next, { ...next });
      expect(again.events, `seed ${seed}`).toEqual([]);
      expect(again.connections.upserted.length + again.processes.upserted.length + again.signals.upserted.length).toBe(0);
    }
  });

  it('keeps the order of what stayed and appends what is new', () => {
    const a = conn({ pid: 1 });
    const b = conn({ pid: 2 });
    const c = conn({ pid: 3 });
    const next = applyDelta(snap({ connections: [a, b] }), delta(snap({ connections: [a, b] }), snap({ connections: [c, { ...b, state: 'CLOSE_WAIT' }, a] })));
    expect(next.connections).toEqual([a, { ...b, state: 'CLOSE_WAIT' }, c]);
  });

  it('keeps connections that share a key, as a group', () => {
    const listener = conn({ state: 'LISTEN', remoteAddress: null, remotePort: null, remote: null });
    const prev = snap({ connections: [listener] });
    const next = snap({ connections: [listener, { ...listener }] });
    expect(applyDelta(prev, delta(prev, next)).connections).toEqual([listener, listener]);
    expect(applyDelta(next, delta(next, prev)).connections).toEqual([listener]);
  });
});
