/**
 * In-memory stand-ins for the history store and the settings store, holding fixed fixture data
 * around a given "now", so the UI's history views can be driven before (and apart from) the real
 * SQLite store. The queries filter for real (range, types, tool, limit), like the store's do.
 */
import { HISTORY_RANGE_MS, type EndpointRecord, type HistoryEvent, type HistoryPoint, type HistoryRange, type Timeline } from '../../contract/history.js';
import type { ExposureLevel, Snapshot } from '../../contract/snapshot.js';
import type { HistoryQueries, SettingsAccess } from '../../main/service/api-handlers.js';
import { applySettingsPatch } from '../../main/core/settings/patch.js';
import { Settings } from '../../contract/settings.js';
import { conn } from '../unit/monitor/snapshots.js';
import { countryInference } from '../unit/service/sample-snapshot.js';

const BUCKETS: Record<HistoryRange, number> = { '1h': 60, '24h': 96, '7d': 84 };

/** Tools the fixture's activity and events are about (ids as in the catalog, names as shown). */
export const FIXTURE_TOOLS = [
  { id: 'claude-code', name: 'Claude Code' },
  { id: 'codex', name: 'Codex' },
] as const;

export const FIXTURE_ENDPOINTS = (now: number): EndpointRecord[] => [
  {
    toolId: 'claude-code',
    process: 'claude',
    address: '160.79.104.10',
    host: 'api.anthropic.com',
    port: 443,
    country: 'US',
    org: 'Anthropic, PBC',
    firstSeen: new Date(now - 3 * 86_400_000).toISOString(),
    lastSeen: new Date(now - 60_000).toISOString(),
    count: 412,
    failed: 0,
  },
  {
    toolId: 'claude-code',
    process: 'claude',
    address: '203.0.113.9',
    host: 'telemetry.fixture.example',
    port: 443,
    country: 'SG',
    org: 'Fixture Telemetry Ltd',
    firstSeen: new Date(now - 86_400_000).toISOString(),
    lastSeen: new Date(now - 600_000).toISOString(),
    count: 7,
    failed: 5,
  },
  {
    toolId: 'codex',
    process: 'codex',
    address: '104.18.33.45',
    host: 'api.openai.com',
    port: 443,
    country: 'US',
    org: 'Cloudflare, Inc.',
    firstSeen: new Date(now - 7_200_000).toISOString(),
    lastSeen: new Date(now - 120_000).toISOString(),
    count: 30,
    failed: 0,
  },
];

/** A timeline whose shape is fixed by its bucket index: Claude Code busy throughout, Codex in the last third. */
function timeline(range: HistoryRange, now: number): Timeline {
  const count = BUCKETS[range];
  const bucketMs = HISTORY_RANGE_MS[range] / count;
  const from = now - HISTORY_RANGE_MS[range];
  const buckets = Array.from({ length: count }, (_, i) => from + i * bucketMs);
  const exposure = buckets.map((_, i): ExposureLevel | null => (i < count / 4 ? null : i < count / 2 ? 'elevated' : 'high'));
  return {
    range,
    from: new Date(from).toISOString(),
    to: new Date(now).toISOString(),
    bucketMs,
    buckets,
    exposure,
    activity: [
      { toolId: 'claude-code', name: 'Claude Code', counts: buckets.map((_, i) => (i % 5) + 1) },
      { toolId: 'codex', name: 'Codex', counts: buckets.map((_, i) => (i > (2 * count) / 3 ? 3 : 0)) },
    ],
  };
}

function events(now: number): HistoryEvent[] {
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const list: Omit<HistoryEvent, 'id'>[] = [
    { at: at(50), toolId: 'claude-code', event: { type: 'tool-started', at: at(50), toolId: 'claude-code', name: 'Claude Code', pids: [4242] } },
    {
      at: at(40),
      toolId: 'claude-code',
      event: {
        type: 'connection-opened',
        at: at(40),
        connection: {
          ...conn({ toolId: 'claude-code', remoteAddress: '160.79.104.10', remote: { country: 'US', asn: 399358, org: 'Anthropic, PBC', host: 'api.anthropic.com' } }),
          process: 'claude',
        },
      },
    },
    { at: at(30), toolId: null, event: { type: 'exposure-changed', at: at(30), before: 'elevated', after: 'high' } },
    { at: at(30), toolId: null, event: { type: 'inference-gained', at: at(30), inference: countryInference } },
    { at: at(20), toolId: 'codex', event: { type: 'tool-started', at: at(20), toolId: 'codex', name: 'Codex', pids: [5151] } },
    { at: at(10), toolId: 'codex', event: { type: 'tool-stopped', at: at(10), toolId: 'codex', name: 'Codex' } },
  ];
  // Newest first, as the store answers.
  return list.map((event, index) => ({ id: index + 1, ...event })).reverse();
}

/**
 * The fixture history: `snapshots` are the kept points (oldest first), each with the exposure
 * level it had; "now" is fixed when the fixture is made.
 */
export function fixtureHistory(kept: Snapshot[], now: number = Date.now()): HistoryQueries {
  const all = events(now);
  const points: HistoryPoint[] = kept
    .map((snapshot, index) => ({
      id: index + 1,
      at: snapshot.takenAt,
      level: snapshot.exposure?.level ?? null,
      summary: snapshot.exposure?.summary ?? '',
      inferences: snapshot.inferences.length,
    }))
    .reverse();
  return {
    status: () => ({ available: true, message: null, path: '/fixture/history.sqlite', sizeBytes: 3_400_000, oldestAt: new Date(now - 7 * 86_400_000).toISOString() }),
    events: (query) => {
      const since = query.since ? Date.parse(query.since) : now - 86_400_000;
      const until = query.until ? Date.parse(query.until) : Number.POSITIVE_INFINITY;
      const matched = all.filter(
        (entry) =>
          Date.parse(entry.at) >= since &&
          Date.parse(entry.at) <= until &&
          (query.toolId === undefined || entry.toolId === query.toolId) &&
          (query.types === undefined || query.types.includes(entry.event.type)),
      );
      return { events: matched.slice(0, query.limit), truncated: matched.length > query.limit };
    },
    timeline: (range) => timeline(range, now),
    endpoints: (toolId) => FIXTURE_ENDPOINTS(now).filter((record) => toolId === undefined || record.toolId === toolId),
    points: (limit) => points.slice(0, limit),
    snapshot: (id) => kept[id - 1] ?? null,
  };
}

/** In-memory settings that tell `onChange` about every change, as the real store's `settings` event does. */
export function fixtureSettings(onChange: (settings: Settings) => void): SettingsAccess & { set(settings: Settings): void } {
  let current = Settings.parse({});
  const set = (next: Settings) => {
    current = next;
    onChange(next);
    return next;
  };
  return {
    get: () => current,
    update: (patch) => set(applySettingsPatch(current, patch)),
    status: () => ({ file: null, problem: null, keptAside: null }),
    // A change from elsewhere (the tray, a file edit).
    set,
  };
}
