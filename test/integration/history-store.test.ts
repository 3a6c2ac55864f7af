/**
 * The history store on real database files: schema migrations, recovery from a damaged file, the
 * single-writer lock, retention, and a writer killed with SIGKILL mid-write.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../contract/events.js';
import type { HistoryPoint } from '../../contract/history.js';
import type { Snapshot } from '../../contract/snapshot.js';
import { exposureFor } from '../../common/exposure.js';
import { pointSummary } from '../../common/history-point.js';
import { HISTORY_FILE, HistoryReader, SqliteHistory } from '../../main/adapters/history/sqlite-history.js';
import { migrate, SCHEMA_VERSION } from '../../main/adapters/history/schema.js';
import { DAY_MS } from '../../main/core/history/retention.js';
import { ATC_COLUMNS, osqueryConfig } from '../../main/core/history/osquery-config.js';
import { connection, inference, process as proc, snapshot, tool } from '../helpers/snapshot-builders.js';

const WRITER = fileURLToPath(new URL('../fixtures/history/writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
let file: string;
const children: ChildProcess[] = [];
const stores: SqliteHistory[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-history-'));
  file = path.join(dir, HISTORY_FILE);
});

afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

function open(options: Partial<Parameters<typeof SqliteHistory.open>[0]> = {}): SqliteHistory {
  const store = SqliteHistory.open({ dir, redact: (s) => s, ...options });
  stores.push(store);
  return store;
}

/** A sample at `at` with one remote connection of Claude Code and the events given. */
function sample(store: SqliteHistory, at: number, events: MonitorEvent[] = [], extra: { remotePort?: number } = {}): void {
  const takenAt = new Date(at).toISOString();
  store.record(
    snapshot({
      takenAt,
      tools: [tool()],
      processes: [proc()],
      connections: [connection({ remotePort: extra.remotePort ?? 443 })],
      inferences: [inference()],
      exposure: { level: 'elevated', summary: 'elevated' },
    }),
    events,
  );
}

const opened = (at: number, localPort: number): MonitorEvent => ({
  type: 'connection-opened',
  at: new Date(at).toISOString(),
  connection: { ...connection({ localPort }), process: 'node' },
});

function startWriter(perSample = 50): Promise<{ child: ChildProcess; lines: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(perSample)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      if (lines.includes('ready')) resolve({ child, lines });
      else if (lines.some((l) => l.startsWith('not recording'))) reject(new Error(lines.join('\n')));
    });
    child.on('exit', (code) => reject(new Error(`writer exited with ${code} before it was ready: ${lines.join(' ')}`)));
  });
}

const killed = (child: ChildProcess) => new Promise<void>((resolve) => {
  child.once('exit', () => resolve());
  child.kill('SIGKILL');
});

describe('opening', () => {
  it('creates the schema in an empty file, and re-opening changes nothing', async () => {
    await writeFile(file, '');
    const first = open();
    expect(first.status()).toMatchObject({ available: true, message: null, path: file });
    sample(first, Date.now());
    // Every range's timeline shows the one connection (the week's from the hourly rows).
    for (const range of ['1h', '24h', '7d'] as const) {
      const timeline = first.timeline(range);
      expect(timeline.activity.map((a) => [a.toolId, Math.max(...a.counts)]), range).toEqual([['claude-code', 1]]);
      expect(timeline.exposure.filter((l) => l !== null), range).toEqual(['elevated']);
    }
    first.close();
    const again = open();
    expect(again.status().available).toBe(true);
    expect(again.endpoints(undefined)).toHaveLength(1);
    again.close();
    const db = new Database(file, { readonly: true });
    // One row per migration applied, each once.
    expect(db.prepare('SELECT version FROM schema_version ORDER BY version').all()).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    db.close();
  });

  it('upgrades a schema 1 file: remote details move to their lookup table, every event reads back the same', () => {
    const now = Date.now();
    const at = (ms: number) => new Date(ms).toISOString();
    const anthropic = { country: 'US', asn: 399358, org: 'Anthropic, PBC', host: 'api.anthropic.com' };
    // Rows exactly as schema 1 stored them: the remote details inside each positional array.
    const v1 = new Database(file);
    v1.pragma('journal_mode = WAL');
    migrate(v1, 1);
    const insert = v1.prepare('INSERT INTO events (at, type, tool_id, body) VALUES (?, ?, ?, ?)');
    const conn = (port: number, remote: unknown) => [4242, 'tcp', '10.0.0.5', port, '160.79.104.10', 443, 'ESTABLISHED', 'node', 'claude-code', remote, null];
    insert.run(now - 3000, 1, 'claude-code', JSON.stringify(conn(40_001, ['US', 399358, 'Anthropic, PBC', 'api.anthropic.com'])));
    insert.run(now - 2000, 2, 'claude-code', JSON.stringify(conn(40_001, ['US', 399358, 'Anthropic, PBC', 'api.anthropic.com'])));
    insert.run(now - 2000, 1, null, JSON.stringify([null, 'udp', '0.0.0.0', 5353, null, null, 'UNCONN', null, null, null, 'no-process']));
    insert.run(now - 1000, 3, 'claude-code', JSON.stringify([at(now - 1500), 7, 'curl', 'curl x', 'claude-code', 'tcp', '10.0.0.5', 40_002, '203.0.113.9', 443, null, 'failed', 3000, 'trace']));
    insert.run(now, 4, 'claude-code', JSON.stringify({ toolId: 'claude-code', name: 'Claude Code', pids: [4242] }));
    insert.run(now, 1, 'claude-code', '{damaged');
    v1.close();

    const store = open();
    expect(store.status()).toMatchObject({ available: true, message: null });
    const events = store.events({ since: at(now - 60_000), limit: 10 }).events.map((e) => e.event);
    expect(events).toEqual([
      { type: 'tool-started', at: at(now), toolId: 'claude-code', name: 'Claude Code', pids: [4242] },
      {
        type: 'connection-attempt',
        at: at(now - 1000),
        attempt: {
          at: at(now - 1500), pid: 7, process: 'curl', command: 'curl x', toolId: 'claude-code', protocol: 'tcp', localAddress: '10.0.0.5', localPort: 40_002,
          remoteAddress: '203.0.113.9', remotePort: 443, remote: null, outcome: 'failed', durationMs: 3000, source: 'trace',
        },
      },
      {
        type: 'connection-opened',
        at: at(now - 2000),
        connection: { ...connection({ pid: null, ownerUnknown: 'no-process', protocol: 'udp', localAddress: '0.0.0.0', localPort: 5353, remoteAddress: null, remotePort: null, state: 'UNCONN', remote: null, toolId: null }), process: null },
      },
      { type: 'connection-closed', at: at(now - 2000), connection: { ...connection({ localPort: 40_001, remote: anthropic }), process: 'node' } },
      { type: 'connection-opened', at: at(now - 3000), connection: { ...connection({ localPort: 40_001, remote: anthropic }), process: 'node' } },
    ]);
    // New events share the lookup row of the upgraded ones.
    sample(store, now + 1000, [{ type: 'connection-opened', at: at(now + 1000), connection: { ...connection({ localPort: 40_003 }), process: 'node' } }]);
    expect(store.events({ since: at(now + 1000), limit: 10 }).events.map((e) => e.event)).toEqual([
      { type: 'connection-opened', at: at(now + 1000), connection: { ...connection({ localPort: 40_003 }), process: 'node' } },
    ]);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT key FROM remotes').pluck().all()).toEqual([JSON.stringify(['US', 399358, 'Anthropic, PBC', 'api.anthropic.com'])]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").all()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(7);
    db.close();
  });

  it('sets a file that is not a database aside and starts a new one that works', async () => {
    await writeFile(file, Buffer.alloc(64 * 1024, 'not a database, just bytes '));
    const store = open();
    const status = store.status();
    expect(status.available).toBe(true);
    expect(status.message).toMatch(/damaged .*moved to .*history\.sqlite\.corrupt-/);
    const aside = readdirSync(dir).filter((name) => name.startsWith(`${HISTORY_FILE}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(statSync(path.join(dir, aside[0] as string)).size).toBe(64 * 1024);
    sample(store, Date.now(), [opened(Date.now(), 50_000)]);
    expect(store.events({ limit: 10 }).events).toHaveLength(1);
  });

  it('sets aside a database whose pages were damaged', async () => {
    const store = open();
    for (let i = 0; i < 200; i++) sample(store, Date.now() - i * 60_000, [opened(Date.now() - i * 60_000, 40_000 + i)]);
    store.close();
    // Overwrite the middle of the file (b-tree pages) with garbage; the header stays valid.
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const size = statSync(file).size;
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(size - 8192, 0xa5), 0, size - 8192, 4096);
    closeSync(fd);
    const reopened = open();
    expect(reopened.status().message).toMatch(/damaged/);
    expect(reopened.recording).toBe(true);
    expect(readdirSync(dir).some((name) => name.startsWith(`${HISTORY_FILE}.corrupt-`))).toBe(true);
  });

  it.each([
    ['a FIFO', async () => execFileSync('mkfifo', [file])],
    ['a directory', async () => mkdir(file)],
  ])('does not hang or crash when %s is where the database goes', async (what, make) => {
    await make();
    const store = open();
    expect(store.status()).toMatchObject({ available: false });
    expect(store.status().message).toContain(what);
    sample(store, Date.now());
    expect(store.events({ limit: 5 }).events).toEqual([]);
    expect(() => HistoryReader.openReadOnly(file)).toThrow(what);
  });
});

describe('one writer', () => {
  it('leaves a second store reading while a live process writes, and takes the lock over once it died', async () => {
    const { child, lines } = await startWriter(5);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => lines.some((l) => l.startsWith('committed')) && (clearInterval(poll), resolve()), 20);
    });
    const second = open();
    expect(second.recording).toBe(false);
    expect(second.status().message).toContain(`pid ${child.pid}`);
    expect(second.events({ limit: 3 }).events).toHaveLength(3);
    second.close();

    await killed(child);
    expect(existsSync(`${file}.lock`)).toBe(true);
    const third = open();
    expect(third.recording).toBe(true);
    expect(third.status().message).toBeNull();
  });

  it('loses at most the sample being written when the writer is killed mid-write', async () => {
    const perSample = 50;
    const { child, lines } = await startWriter(perSample);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await killed(child);
    const committed = Math.max(0, ...lines.filter((l) => l.startsWith('committed')).map((l) => Number(l.split(' ')[1])));
    expect(committed).toBeGreaterThan(0);

    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const events = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    db.close();
    // Whole samples only, and every sample reported as committed is there.
    expect(events % perSample).toBe(0);
    expect(events / perSample).toBeGreaterThanOrEqual(committed);
    const store = open();
    expect(store.recording).toBe(true);
    expect(store.status().message).toBeNull();
  });
});

describe('retention', () => {
  it('deletes what is older than the retention days', () => {
    const now = Date.now();
    const store = open({ retention: { days: 2, maxSizeMb: 200 } });
    const old = opened(now - 5 * DAY_MS, 40_000);
    if (old.type === 'connection-opened') old.connection.remote = { country: 'DE', asn: 3320, org: 'Deutsche Telekom AG', host: 'old.example' };
    sample(store, now - 5 * DAY_MS, [old], { remotePort: 8443 });
    sample(store, now - 60_000, [opened(now - 60_000, 40_001)]);
    expect(store.events({ since: new Date(now - 10 * DAY_MS).toISOString(), limit: 10 }).events).toHaveLength(2);
    store.applyRetention();
    const left = store.events({ since: new Date(now - 10 * DAY_MS).toISOString(), limit: 10 }).events;
    expect(left.map((e) => e.at)).toEqual([new Date(now - 60_000).toISOString()]);
    expect(store.endpoints(undefined).map((e) => e.port)).toEqual([443]);
    expect(store.points(10).every((p) => Date.parse(p.at) > now - 2 * DAY_MS)).toBe(true);
    // The old event's remote details went with it; the kept event's stay.
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT key FROM remotes').pluck().all()).toEqual([JSON.stringify(['US', 399358, 'Anthropic, PBC', 'api.anthropic.com'])]);
    db.close();
    sample(store, now, [opened(now, 40_002)]);
    expect(store.events({ since: new Date(now).toISOString(), limit: 1 }).events[0]?.event).toEqual(opened(now, 40_002));
  });

  it('drops the oldest rows until the database fits its size cap, and can change retention at run time', () => {
    const now = Date.now();
    const store = open();
    const minutes = 4000;
    for (let m = minutes; m > 0; m--) {
      const at = now - m * 60_000;
      sample(store, at, Array.from({ length: 5 }, (_, i) => opened(at, 20_000 + i)));
    }
    const before = store.status().sizeBytes ?? 0;
    expect(before).toBeGreaterThan(2 * 1024 * 1024);
    store.setRetention({ days: 30, maxSizeMb: 1 });
    const db = new Database(file, { readonly: true });
    const used = ((db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number)) * (db.pragma('page_size', { simple: true }) as number);
    db.close();
    expect(used).toBeLessThanOrEqual(1024 * 1024);
    expect(statSync(file).size).toBeLessThan(before);
    // The newest are kept.
    const newest = store.events({ since: new Date(now - 10 * DAY_MS).toISOString(), limit: 1 }).events[0];
    expect(newest?.at).toBe(new Date(now - 60_000).toISOString());
    expect(() => store.setRetention({ days: -1, maxSizeMb: 1 })).toThrow(RangeError);
  });
});

describe('the osquery hand-off', () => {
  it('runs each ATC query of the config against a real history with the columns it declares', () => {
    const now = Date.now();
    const store = open();
    const failed: MonitorEvent = {
      type: 'connection-attempt',
      at: new Date(now).toISOString(),
      attempt: {
        at: new Date(now).toISOString(), pid: 4242, process: 'node', command: null, toolId: 'claude-code', protocol: 'tcp',
        localAddress: '10.0.0.5', localPort: 40000, remoteAddress: '203.0.113.9', remotePort: 443, remote: null,
        outcome: 'failed', durationMs: 1000, source: 'trace',
      },
    };
    sample(store, now - 1000, [opened(now - 1000, 40_000)]);
    sample(store, now, [failed, { type: 'inference-gained', at: new Date(now).toISOString(), inference: inference({ value: 'DE' }) }]);
    store.close();

    const db = new Database(file, { readonly: true });
    const tables = osqueryConfig('linux').auto_table_construction;
    const run = (name: keyof typeof tables) => {
      const statement = db.prepare(tables[name].query);
      expect(statement.columns().map((c) => c.name)).toEqual([...ATC_COLUMNS[name]]);
      expect(tables[name].columns).toEqual([...ATC_COLUMNS[name]]);
      return statement.all() as Record<string, unknown>[];
    };
    const events = run('telltale_events');
    expect(events.map((e) => [e.type, e.tool_id, e.process, e.remote_address, e.remote_port])).toEqual([
      ['inference-gained', '', null, null, null],
      ['connection-attempt', 'claude-code', 'node', '203.0.113.9', 443],
      ['connection-opened', 'claude-code', 'node', '160.79.104.10', 443],
    ]);
    expect(events[2]?.time).toBe(new Date(now - 1000).toISOString());
    const endpoints = run('telltale_endpoints');
    expect(endpoints.map((e) => [e.tool_id, e.address, e.port, e.country, e.org, e.count, e.failed])).toEqual([
      ['claude-code', '160.79.104.10', 443, 'US', 'Anthropic, PBC', 2, 0],
      ['claude-code', '203.0.113.9', 443, '', '', 1, 1],
    ]);
    const inferences = run('telltale_inferences');
    expect(inferences.map((i) => [i.change, i.inference, i.value])).toEqual([
      ['gained', 'location.country', 'DE'],
      ['present', 'location.country', String(inference().value)],
    ]);
    db.close();
  });
});

describe('points in any language', () => {
  const china = { id: 'inference.location.country', country: 'CN', confidence: 'high' } as const;
  const located = inference({ message: china, evidenceMessages: [] });
  const verdict = exposureFor([located]);

  /** A point row as a Telltale before schema 3 kept it: no message, the snapshot as JSON, gzipped. */
  function oldPoint(db: Database.Database, at: number, summary: string, kept: Snapshot): void {
    db.prepare('INSERT INTO points (at, level, summary, inferences, snapshot) VALUES (?, ?, ?, ?, ?)').run(at, 'high', summary, kept.inferences.length, gzipSync(JSON.stringify(kept)));
  }

  it('keeps the verdict as a message; an older point gets it from its snapshot, or stays English and says so', () => {
    const now = Date.now();
    const store = open();
    store.record(snapshot({ takenAt: new Date(now).toISOString(), inferences: [located], exposure: verdict }), []);
    store.close();
    const db = new Database(file);
    // Before messages: the snapshot has the inferences' messages but no exposure message; its verdict is derived.
    oldPoint(db, now - 3000, verdict.summary, snapshot({ inferences: [located], exposure: { level: verdict.level, summary: verdict.summary } }));
    // Older still: nothing in the snapshot renders to the English stored, and a snapshot that cannot be unpacked.
    oldPoint(db, now - 2000, 'High exposure: an older Telltale said so.', snapshot({ inferences: [inference()], exposure: { level: 'high', summary: 'High exposure: an older Telltale said so.' } }));
    db.prepare('INSERT INTO points (at, level, summary, inferences, snapshot) VALUES (?, ?, ?, ?, ?)').run(now - 1000, 'high', 'High exposure: unreadable.', 1, Buffer.from('not gzip'));
    db.close();

    const reader = HistoryReader.openReadOnly(file);
    const points = reader.points(10);
    reader.close();
    expect(points.map((p) => [p.summary, p.summaryMessage])).toEqual([
      [verdict.summary, verdict.message],
      ['High exposure: unreadable.', undefined],
      ['High exposure: an older Telltale said so.', undefined],
      [verdict.summary, verdict.message],
    ]);
    expect(points.map((p) => pointSummary(p, 'zh-CN'))).toEqual([
      '暴露程度高：最主要的推断：工具几乎可以肯定你在中国（CN）。',
      'High exposure: unreadable.（仅有英文记录）',
      'High exposure: an older Telltale said so.（仅有英文记录）',
      '暴露程度高：最主要的推断：工具几乎可以肯定你在中国（CN）。',
    ]);
    expect(pointSummary(points[1] as HistoryPoint, 'en')).toBe('High exposure: unreadable.');
  });

  it('reads a schema 2 file that a running older Telltale still records into (no message column)', () => {
    const v2 = new Database(file);
    v2.pragma('journal_mode = WAL');
    migrate(v2, 2);
    oldPoint(v2, Date.now(), verdict.summary, snapshot({ inferences: [located], exposure: { level: verdict.level, summary: verdict.summary } }));
    v2.close();
    const reader = HistoryReader.openReadOnly(file);
    expect(reader.points(5).map((p) => p.summaryMessage)).toEqual([verdict.message]);
    expect(reader.status().message).toBeNull();
    reader.close();
  });
});
