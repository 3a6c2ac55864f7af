/** The pure parts of the history: event storage form, what a sample records, timeline buckets, retention. */
import { describe, expect, it } from 'vitest';
import { MonitorEvent, MonitorEventType } from '../../../contract/events.js';
import { decodeEvent, encodeEvent } from '../../../main/core/history/event-codec.js';
import { EVENT_TYPE_CODES, HISTORY_KINDS, KIND_TYPES, eventTypeOfCode } from '../../../main/core/history/event-kinds.js';
import { isRecordedEndpoint, recordSample } from '../../../main/core/history/sample-record.js';
import { activityResolution, assembleTimeline, BUCKET_MS, timelineSpan } from '../../../main/core/history/timeline.js';
import { retentionProblem, trimBefore } from '../../../main/core/history/retention.js';
import { connection, inference, process as proc, snapshot, tool } from '../../helpers/snapshot-builders.js';

const AT = '2026-11-24T10:00:05.250Z';

const EVENTS: MonitorEvent[] = [
  { type: 'connection-opened', at: AT, connection: { ...connection(), process: 'node' } },
  { type: 'connection-closed', at: AT, connection: { ...connection({ pid: null, ownerUnknown: 'no-process', remote: null, toolId: null }), process: null } },
  {
    type: 'connection-attempt',
    at: AT,
    attempt: {
      at: AT, pid: 7, process: 'curl', command: 'curl https://example.com', toolId: null, protocol: 'tcp',
      localAddress: '10.0.0.5', localPort: 40000, remoteAddress: '93.184.216.34', remotePort: 443,
      remote: { country: 'US', asn: 15133, org: 'Edgecast', host: null }, outcome: 'failed', durationMs: 3000, source: 'trace',
    },
  },
  { type: 'tool-started', at: AT, toolId: 'claude-code', name: 'Claude Code', pids: [4242] },
  { type: 'tool-stopped', at: AT, toolId: 'claude-code', name: 'Claude Code' },
  { type: 'signal-changed', at: AT, id: 'locale.LANG', signal: { kind: 'locale', key: { variable: 'LANG' } }, before: 'en_US.UTF-8', after: 'zh_CN.UTF-8' },
  { type: 'inference-gained', at: AT, inference: inference() },
  { type: 'inference-lost', at: AT, inference: inference() },
  { type: 'inference-changed', at: AT, before: inference(), after: inference({ value: 'DE' }) },
  { type: 'exposure-changed', at: AT, before: 'none', after: 'high' },
];

describe('event storage', () => {
  it('gives every monitor event type a distinct stored number and every kind real types', () => {
    const codes = Object.values(EVENT_TYPE_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const type of MonitorEventType.options) expect(eventTypeOfCode(EVENT_TYPE_CODES[type])).toBe(type);
    expect(HISTORY_KINDS.flatMap((k) => KIND_TYPES[k]).sort()).toEqual([...MonitorEventType.options].sort());
  });

  it('decodes each stored event to the event it was', () => {
    for (const event of EVENTS) {
      MonitorEvent.parse(event);
      const stored = encodeEvent(event);
      expect(stored.atMs).toBe(Date.parse(AT));
      expect(decodeEvent(stored)).toEqual(event);
    }
    expect(encodeEvent(EVENTS[0] as MonitorEvent).toolId).toBe('claude-code');
  });

  it("keeps what the compact form leaves out or numbers: an attempt's own time, the remote details, an uncommon state", () => {
    const attempt = EVENTS.find((e) => e.type === 'connection-attempt') as Extract<MonitorEvent, { type: 'connection-attempt' }>;
    const late: MonitorEvent = { ...attempt, at: '2026-11-24T10:00:09.000Z' };
    const odd: MonitorEvent = { type: 'connection-opened', at: AT, connection: { ...connection({ state: 'NEW_SYN_RECV', protocol: 'udp6' }), process: 'node' } };
    for (const event of [late, odd]) {
      const stored = encodeEvent(event);
      expect(stored.body).not.toContain('Anthropic');
      expect(stored.remote).not.toBeNull();
      expect(decodeEvent(stored)).toEqual(event);
    }
    expect(encodeEvent(odd).body).toContain('"NEW_SYN_RECV"');
    // Another tool or remote in the columns is what comes back: they are not stored twice.
    expect(decodeEvent({ ...encodeEvent(odd), toolId: 'aider', remote: null })).toMatchObject({ connection: { toolId: 'aider', remote: null } });
  });

  it('answers null for a damaged body or an unknown type number', () => {
    const stored = { atMs: 0, toolId: null, remote: null };
    expect(decodeEvent({ ...stored, code: 1, body: '{not json' })).toBeNull();
    expect(decodeEvent({ ...stored, code: 999, body: '{}' })).toBeNull();
    expect(decodeEvent({ ...stored, code: 4, body: '{"toolId": 5}' })).toBeNull();
  });
});

describe('what a sample records', () => {
  const snap = snapshot({
    takenAt: AT,
    processes: [proc(), proc({ pid: 99, name: 'curl', toolId: null, command: 'curl' })],
    tools: [tool()],
    connections: [
      connection(),
      connection({ localPort: 51235 }), // a second socket to the same endpoint: one sighting
      connection({ pid: 99, toolId: null, remoteAddress: '140.82.112.3', remote: { country: 'US', asn: 36459, org: 'GitHub', host: null } }),
      connection({ remoteAddress: '127.0.0.1', remote: null }), // the tool's local proxy: kept
      connection({ pid: 99, toolId: null, remoteAddress: '127.0.0.1', remotePort: 5432, remote: null }), // not a tool's: not kept
      connection({ remoteAddress: '0.0.0.0', remotePort: 0, state: 'LISTEN' }),
    ],
    inferences: [inference()],
    exposure: { level: 'elevated', summary: 'x' },
  });

  it('keeps endpoints per tool or process name (a tool\'s loopback ones too), and counts activity', () => {
    const record = recordSample(snap, [EVENTS[2] as MonitorEvent], null);
    expect(record.minuteMs).toBe(Date.parse('2026-11-24T10:00:00.000Z'));
    expect(record.sightings.map((s) => [s.toolId, s.process, s.address, s.port, s.failed])).toEqual([
      ['claude-code', 'node', '160.79.104.10', 443, 0],
      [null, 'curl', '140.82.112.3', 443, 0],
      ['claude-code', 'node', '127.0.0.1', 443, 0],
      [null, 'curl', '93.184.216.34', 443, 1],
    ]);
    expect(record.activity).toEqual([
      { toolId: 'claude-code', process: 'node', name: 'Claude Code', connections: 3, attempts: 0 },
      { toolId: null, process: 'curl', name: 'curl', connections: 1, attempts: 1 },
    ]);
    expect(record.level).toBe(2);
    expect(record.events).toHaveLength(1);
  });

  it('keeps a point at the first sample and when the level or inferences change, not otherwise', () => {
    const first = recordSample(snap, [], null);
    expect(first.keepPoint).toBe(true);
    expect(first.inferences.map((i) => i.change)).toEqual(['present']);
    expect(recordSample(snap, [], first.pointKey).keepPoint).toBe(false);
    const raised = recordSample({ ...snap, exposure: { level: 'high', summary: 'y' } }, [], first.pointKey);
    expect(raised.keepPoint).toBe(true);
    const other = recordSample({ ...snap, inferences: [inference({ value: 'DE' })] }, [EVENTS[8] as MonitorEvent], first.pointKey);
    expect(other.keepPoint).toBe(true);
    expect(other.inferences.map((i) => [i.change, i.inference.value])).toEqual([['changed', 'DE']]);
  });

  it('keeps loopback ends for tools only, and never unspecified or listening ends', () => {
    expect(isRecordedEndpoint('127.0.0.1', 80, 'ESTABLISHED', null)).toBe(false);
    expect(isRecordedEndpoint('::1', 80, 'ESTABLISHED', null)).toBe(false);
    // A tool's local proxy or model server is where its requests go.
    expect(isRecordedEndpoint('127.0.0.1', 7890, 'ESTABLISHED', 'claude-code')).toBe(true);
    expect(isRecordedEndpoint('::', 0, 'LISTEN', 'claude-code')).toBe(false);
    expect(isRecordedEndpoint('192.168.1.10', 22, 'LISTEN', null)).toBe(false);
    expect(isRecordedEndpoint('192.168.1.10', 22, 'ESTABLISHED', null)).toBe(true);
  });
});

describe('timeline buckets', () => {
  it('ends at the next whole minute and spans the range', () => {
    const now = Date.parse('2026-11-24T10:00:30.000Z');
    for (const [range, count, bucket] of [['1h', 60, 60_000], ['24h', 288, 300_000], ['7d', 168, 3_600_000]] as const) {
      const span = timelineSpan(range, now);
      expect([span.count, span.bucketMs, span.toMs]).toEqual([count, bucket, Date.parse('2026-11-24T10:01:00.000Z')]);
      expect(span.toMs - span.fromMs).toBe(count * bucket);
    }
  });

  it('reads hourly rows for the week and minute rows for the hour and the day', () => {
    expect([activityResolution(BUCKET_MS['1h']), activityResolution(BUCKET_MS['24h']), activityResolution(BUCKET_MS['7d'])]).toEqual(['minute', 'minute', 'hour']);
  });

  it('assembles one value per bucket, highest level, peak plus attempts', () => {
    const span = timelineSpan('1h', Date.parse('2026-11-24T10:00:30.000Z'));
    const t = assembleTimeline(span, [{ bucket: 59, rank: 3 }, { bucket: 70, rank: 1 }], [
      { bucket: 59, toolId: 'claude-code', name: 'Claude Code', connections: 2, attempts: 3 },
      { bucket: 1, toolId: null, name: 'curl', connections: 1, attempts: 0 },
    ]);
    expect(t.buckets).toHaveLength(60);
    expect(t.exposure[59]).toBe('high');
    expect(t.exposure.filter((l) => l !== null)).toHaveLength(1);
    expect(t.activity.map((a) => [a.name, a.counts[59], a.counts[1]])).toEqual([['Claude Code', 5, 0], ['curl', 0, 1]]);
  });
});

describe('retention', () => {
  it('refuses values that cannot apply', () => {
    expect(retentionProblem({ days: 0, maxSizeMb: 10 })).toMatch(/days/);
    expect(retentionProblem({ days: 1, maxSizeMb: Number.NaN })).toMatch(/MB/);
    expect(retentionProblem({ days: 30, maxSizeMb: 200 })).toBeNull();
  });

  it('trims a share of the kept span that grows with the overshoot, at least a minute', () => {
    const day = 86_400_000;
    const small = trimBefore(0, 10 * day, 110, 100);
    const big = trimBefore(0, 10 * day, 300, 100);
    expect(small).toBeGreaterThan(0);
    expect(big).toBeGreaterThan(small);
    expect(trimBefore(0, 1000, 101, 100)).toBe(60_000);
  });
});
