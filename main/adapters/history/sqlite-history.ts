/**
 * The history in SQLite (better-sqlite3): one file per user, WAL, one transaction per sample.
 * Opening never throws: a damaged file is moved aside and a new one started, a file another
 * Telltale records into is only read, and anything else leaves the history unavailable with the
 * reason in status().message.
 */
import { existsSync, lstatSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { MonitorEvent } from '../../../contract/events.js';
import type { EndpointRecord, HistoryEvent, HistoryEventPage, HistoryPoint, HistoryRange, HistoryStatus, Timeline } from '../../../contract/history.js';
import type { ExposureMessage } from '../../../contract/message.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import { EVENT_TYPE_CODES } from '../../core/history/event-kinds.js';
import { decodeEvent, remoteKey, remoteOfKey } from '../../core/history/event-codec.js';
import { pointSummaryMessage } from '../../core/history/point-summary.js';
import { recordSample, type SampleRecord } from '../../core/history/sample-record.js';
import { cutoffMs, DAY_MS, DEFAULT_RETENTION, maxBytes, retentionProblem, trimBefore, type Retention } from '../../core/history/retention.js';
import { activityResolution, assembleTimeline, timelineSpan, type ActivityBucket, type ExposureBucket } from '../../core/history/timeline.js';
import { parseSnapshotJson } from '../../core/snapshot/validate.js';
import type { HistoryQueries } from '../../service/api-handlers.js';
import { migrate } from './schema.js';
import { acquireWriterLock } from './writer-lock.js';

export const HISTORY_FILE = 'history.sqlite';

export interface HistoryOpenOptions {
  /** The folder of history.sqlite (created when missing). */
  dir: string;
  retention?: Retention;
  /** Redacts a snapshot before it is kept as a point (the app's one policy). */
  redact: (snapshot: Snapshot) => Snapshot;
  now?: () => number;
  /** How often retention runs while open (default hourly). */
  retentionEveryMs?: number;
}

type EventQuery = { since?: string; until?: string; toolId?: string; types?: MonitorEvent['type'][]; limit: number };

/** Errors that mean the file itself is bad (or held by no one and still locked): set it aside. */
const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR_SHORT_READ']);

class DamagedDatabase extends Error {}

function isDamage(error: unknown): boolean {
  if (error instanceof DamagedDatabase) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (DAMAGED.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

const errorText = (error: unknown): string => {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
};

/** Moves the database and its -wal/-shm to `<file>.corrupt-<time>`; returns where it went. */
function setAside(file: string, nowMs: number): string {
  const aside = `${file}.corrupt-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      renameSync(file + suffix, aside + suffix);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return aside;
}

/** Why `file` cannot be a database, when something other than a regular file is there. */
function notAFile(file: string): string | null {
  try {
    const st = lstatSync(file);
    if (st.isFile()) return null;
    const what = st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO' : st.isSymbolicLink() ? 'a symbolic link' : 'a device or socket';
    return `${file} is ${what}, not a history database; history is off until it is removed`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return `cannot look at ${file}: ${errorText(error)}`;
  }
}

function openWritable(file: string): Database.Database {
  const db = new Database(file, { timeout: 2000 });
  try {
    // A new file frees pages as it shrinks (retention), a little at a time.
    if ((db.pragma('page_count', { simple: true }) as number) === 0) db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    // WAL with NORMAL: a crash may lose the last transaction, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DamagedDatabase(`quick_check: ${String(check)}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

interface Statements {
  event: Database.Statement;
  remote: Database.Statement;
  remoteId: Database.Statement;
  endpoint: Database.Statement;
  exposure: Database.Statement;
  activity: Database.Statement;
  activityHour: Database.Statement;
  point: Database.Statement;
  inference: Database.Statement;
}

/** Adds a sample's activity to its minute (or hour): the peak of connections, the sum of attempts. */
function activityUpsert(db: Database.Database, table: string, unit: 'minute' | 'hour'): Database.Statement {
  return db.prepare(`
    INSERT INTO ${table} (${unit}, tool, process_key, name, connections, attempts) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (${unit}, tool, process_key) DO UPDATE SET
      name = excluded.name, connections = MAX(connections, excluded.connections), attempts = attempts + excluded.attempts`);
}

function prepareWrites(db: Database.Database): Statements {
  return {
    event: db.prepare('INSERT INTO events (at, type, tool_id, remote, body) VALUES (?, ?, ?, ?, ?)'),
    remote: db.prepare('INSERT OR IGNORE INTO remotes (key) VALUES (?)'),
    remoteId: db.prepare('SELECT id FROM remotes WHERE key = ?').pluck(),
    endpoint: db.prepare(`
      INSERT INTO endpoints (tool, process_key, process, address, port, host, country, org, first_seen, last_seen, count, failed)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (tool, process_key, address, port) DO UPDATE SET
        process = excluded.process,
        host = COALESCE(excluded.host, host), country = COALESCE(excluded.country, country), org = COALESCE(excluded.org, org),
        last_seen = MAX(last_seen, excluded.last_seen), count = count + excluded.count, failed = failed + excluded.failed`),
    exposure: db.prepare(
      'INSERT INTO exposure_minutes (minute, level) VALUES (?, ?) ON CONFLICT (minute) DO UPDATE SET level = MAX(level, excluded.level)',
    ),
    activity: activityUpsert(db, 'activity_minutes', 'minute'),
    activityHour: activityUpsert(db, 'activity_hours', 'hour'),
    point: db.prepare('INSERT INTO points (at, level, summary, inferences, snapshot, message) VALUES (?, ?, ?, ?, ?, ?)'),
    inference: db.prepare(
      'INSERT INTO inferences (at, change, inference, value, confidence, statement, visible_to) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  };
}

type EndpointRow = {
  tool: string;
  process: string;
  address: string;
  host: string | null;
  port: number;
  country: string | null;
  org: string | null;
  first_seen: number;
  last_seen: number;
  count: number;
  failed: number;
};

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The queries every mode shares: a writer's store and a reader (the CLI, a second Telltale) ask
 * the same questions of the file.
 */
export class HistoryReader implements HistoryQueries {
  protected db: Database.Database | null;
  protected message: string | null;
  /**
   * Points' messages by id and time: a kept point never changes, so one kept before schema 3 has its
   * snapshot unpacked once per reader, not on every listing.
   */
  readonly #derived = new Map<string, ExposureMessage | undefined>();

  constructor(
    readonly path: string,
    db: Database.Database | null,
    message: string | null,
    protected readonly now: () => number,
  ) {
    this.db = db;
    this.message = message;
  }

  /** Opens an existing history read-only (works while a monitor writes it). Throws with a clear message. */
  static openReadOnly(file: string, now: () => number = Date.now): HistoryReader {
    const bad = notAFile(file);
    if (bad) throw new Error(bad);
    if (!existsSync(file)) throw new Error(`no history yet at ${file} (it is kept while Telltale's monitor runs: the app, \`telltale serve\` or \`telltale watch\`)`);
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true, timeout: 2000 });
    } catch (error) {
      throw new Error(`cannot open the history at ${file}: ${errorText(error)}`);
    }
    try {
      const version = db.prepare("SELECT name FROM sqlite_master WHERE name = 'schema_version'").get();
      if (!version) throw new Error(`${file} holds no Telltale history yet`);
    } catch (error) {
      db.close();
      throw new Error(`cannot read the history at ${file}: ${errorText(error)}`);
    }
    return new HistoryReader(file, db, null, now);
  }

  status(): HistoryStatus {
    const db = this.db;
    if (!db) return { available: false, message: this.message, path: this.path, sizeBytes: null, oldestAt: null };
    let sizeBytes: number | null = null;
    try {
      sizeBytes = statSync(this.path).size + walSize(this.path);
    } catch {
      sizeBytes = null;
    }
    const oldest = this.#guard(() => ({ at: oldestEventMs(db) }), { at: null });
    const oldestMinute = this.#guard(() => db.prepare('SELECT MIN(minute) AS at FROM exposure_minutes').get() as { at: number | null }, { at: null });
    const first = [oldest.at, oldestMinute.at].filter((v): v is number => v !== null);
    return { available: true, message: this.message, path: this.path, sizeBytes, oldestAt: first.length ? iso(Math.min(...first)) : null };
  }

  events(query: EventQuery): HistoryEventPage {
    const db = this.db;
    if (!db) return { events: [], truncated: false };
    const since = query.since ? Date.parse(query.since) : this.now() - DAY_MS;
    // The time range as a range of ids (no time index); the times are checked as well.
    const where = ['e.id >= @fromId', 'e.at >= @since'];
    const params: Record<string, unknown> = { since, limit: query.limit + 1 };
    if (query.until) {
      where.push('e.id < @toId', 'e.at < @until');
      params.until = Date.parse(query.until);
    }
    if (query.toolId !== undefined) {
      where.push('e.tool_id = @tool');
      params.tool = query.toolId;
    }
    if (query.types) {
      const codes = [...new Set(query.types.map((t) => EVENT_TYPE_CODES[t]))];
      where.push(`e.type IN (${codes.map((_, i) => `@t${i}`).join(', ') || 'NULL'})`);
      codes.forEach((code, i) => (params[`t${i}`] = code));
    }
    const sql = `SELECT e.id, e.at, e.type, e.tool_id, e.body, r.key AS remote FROM events e LEFT JOIN remotes r ON r.id = e.remote
      WHERE ${where.join(' AND ')} ORDER BY e.id DESC LIMIT @limit`;
    const rows = this.#guard(() => {
      params.fromId = eventIdAtOrAfter(db, since);
      if (query.until) params.toId = eventIdAtOrAfter(db, params.until as number);
      return db.prepare(sql).all(params) as { id: number; at: number; type: number; tool_id: string | null; body: string; remote: string | null }[];
    }, []);
    const events: HistoryEvent[] = [];
    for (const row of rows.slice(0, query.limit)) {
      const remote = row.remote === null ? null : remoteOfKey(row.remote);
      const event = decodeEvent({ atMs: row.at, code: row.type, toolId: row.tool_id, remote, body: row.body });
      if (event) events.push({ id: row.id, at: event.at, toolId: row.tool_id, event });
    }
    return { events, truncated: rows.length > query.limit };
  }

  timeline(range: HistoryRange): Timeline {
    const span = timelineSpan(range, this.now());
    const db = this.db;
    if (!db) return assembleTimeline(span, [], []);
    const params = { from: span.fromMs, to: span.toMs, bucket: span.bucketMs };
    const exposure = this.#guard(
      () =>
        db
          // Numbers bind as REAL: the bucket index is made an integer explicitly.
          .prepare('SELECT CAST((minute - @from) / @bucket AS INTEGER) AS bucket, MAX(level) AS rank FROM exposure_minutes WHERE minute >= @from AND minute < @to GROUP BY bucket')
          .all(params) as ExposureBucket[],
      [],
    );
    const activity = this.#guard(() => activityBuckets(db, span.fromMs, span.toMs, span.bucketMs), []);
    return assembleTimeline(span, exposure, activity);
  }

  endpoints(toolId: string | undefined): EndpointRecord[] {
    const db = this.db;
    if (!db) return [];
    const sql = `SELECT tool, process, address, host, port, country, org, first_seen, last_seen, count, failed FROM endpoints
      ${toolId === undefined ? '' : 'WHERE tool = @tool'} ORDER BY tool, process_key, last_seen DESC`;
    const rows = this.#guard(() => db.prepare(sql).all(toolId === undefined ? {} : { tool: toolId }) as EndpointRow[], []);
    return rows.map((r) => ({
      toolId: r.tool || null,
      process: r.process,
      address: r.address,
      host: r.host,
      port: r.port,
      country: r.country,
      org: r.org,
      firstSeen: iso(r.first_seen),
      lastSeen: iso(r.last_seen),
      count: r.count,
      failed: r.failed,
    }));
  }

  points(limit: number): HistoryPoint[] {
    const db = this.db;
    if (!db) return [];
    const rows = this.#guard(() => {
      // A file a Telltale before schema 3 still records into has no message column: NULL for all.
      const column = db.prepare("SELECT COUNT(*) FROM pragma_table_info('points') WHERE name = 'message'").pluck().get() ? 'message' : 'NULL AS message';
      return db.prepare(`SELECT id, at, level, summary, inferences, ${column} FROM points ORDER BY at DESC, id DESC LIMIT ?`).all(limit) as {
        id: number;
        at: number;
        level: HistoryPoint['level'];
        summary: string;
        inferences: number;
        message: string | null;
      }[];
    }, []);
    return rows.map(({ message, ...r }) => {
      const summaryMessage = this.#summaryMessage({ ...r, message });
      return { ...r, at: iso(r.at), ...(summaryMessage && { summaryMessage }) };
    });
  }

  #summaryMessage(point: { id: number; at: number; summary: string; message: string | null }): ExposureMessage | undefined {
    const key = `${point.id}@${point.at}`;
    if (!this.#derived.has(key)) this.#derived.set(key, pointSummaryMessage({ ...point, snapshotJson: () => this.#snapshotJson(point.id) }));
    return this.#derived.get(key);
  }

  /** A kept snapshot's JSON as stored; null when it is gone or cannot be unpacked. */
  #snapshotJson(id: number): string | null {
    const db = this.db;
    if (!db) return null;
    const row = this.#guard(() => db.prepare('SELECT snapshot FROM points WHERE id = ?').get(id) as { snapshot: Buffer } | undefined, undefined);
    if (!row) return null;
    try {
      return gunzipSync(row.snapshot).toString('utf8');
    } catch {
      return null;
    }
  }

  snapshot(id: number): Snapshot | null {
    const json = this.#snapshotJson(id);
    if (json === null) return null;
    const parsed = parseSnapshotJson(json);
    return parsed.ok ? parsed.snapshot : null;
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }

  /** A query that fails (a damaged page, the file gone) answers empty and says why in the status. */
  #guard<T>(run: () => T, fallback: T): T {
    try {
      return run();
    } catch (error) {
      this.message = `The history could not be read: ${errorText(error)}`;
      return fallback;
    }
  }
}

/**
 * Per owner and bucket: the peak of open connections plus the attempts. Summed here from the
 * per-minute (or, for hour buckets, per-hour) rows: cheaper than a GROUP BY over tens of thousands.
 */
function activityBuckets(db: Database.Database, from: number, to: number, bucketMs: number): ActivityBucket[] {
  const sql =
    activityResolution(bucketMs) === 'hour'
      ? 'SELECT hour, tool, process_key, name, connections, attempts FROM activity_hours WHERE hour >= ? AND hour < ?'
      : 'SELECT minute, tool, process_key, name, connections, attempts FROM activity_minutes WHERE minute >= ? AND minute < ?';
  const rows = db
    .prepare(sql)
    .raw()
    .all(from, to) as [number, string, string, string, number, number][];
  const buckets = new Map<string, ActivityBucket>();
  for (const [minute, tool, processKey, name, connections, attempts] of rows) {
    const bucket = Math.floor((minute - from) / bucketMs);
    const key = `${bucket}\u0000${tool}\u0000${processKey}`;
    const found = buckets.get(key);
    if (found) {
      found.connections = Math.max(found.connections, connections);
      found.attempts += attempts;
    } else buckets.set(key, { bucket, toolId: tool || null, name, connections, attempts });
  }
  return [...buckets.values()];
}

/**
 * The first event id at or after a time, by binary search on the ids: events are appended in time
 * order, so this stands in for an index on the time (a fifth of the file). Past the last: last + 1.
 */
function eventIdAtOrAfter(db: Database.Database, atMs: number): number {
  const bounds = db.prepare('SELECT MIN(id) AS low, MAX(id) AS high FROM events').get() as { low: number | null; high: number | null };
  if (bounds.low === null || bounds.high === null) return 0;
  // The first row at or after an id (ids have gaps where retention deleted).
  const rowFrom = db.prepare('SELECT id, at FROM events WHERE id >= ? ORDER BY id LIMIT 1');
  let low = bounds.low;
  let high = bounds.high + 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const row = rowFrom.get(middle) as { id: number; at: number } | undefined;
    if (row && row.at < atMs) low = row.id + 1;
    else high = middle;
  }
  return low;
}

function oldestEventMs(db: Database.Database): number | null {
  const row = db.prepare('SELECT at FROM events ORDER BY id LIMIT 1').get() as { at: number } | undefined;
  return row?.at ?? null;
}

function walSize(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * The store of the process that records: holds the writer lock, writes one transaction per sample,
 * applies retention at open and periodically, and recovers from a file that goes bad.
 */
export class SqliteHistory extends HistoryReader {
  #writes: Statements | null = null;
  #retention: Retention;
  #previousPointKey: string | null = null;
  /** Remote details already in the lookup table, by key: their ids (forgotten when a write fails). */
  #remoteIds = new Map<string, number>();
  #releaseLock: (() => void) | null = null;
  #timer: NodeJS.Timeout | null = null;
  readonly #redact: (snapshot: Snapshot) => Snapshot;

  private constructor(file: string, options: HistoryOpenOptions) {
    super(file, null, null, options.now ?? Date.now);
    this.#retention = options.retention ?? DEFAULT_RETENTION;
    this.#redact = options.redact;
  }

  /** Opens (or creates) the history in `options.dir`. Never throws: see status(). */
  static open(options: HistoryOpenOptions): SqliteHistory {
    const file = `${options.dir}/${HISTORY_FILE}`;
    const store = new SqliteHistory(file, options);
    store.#start(options);
    return store;
  }

  /** Whether this process records (false: another Telltale does, or the history is unavailable). */
  get recording(): boolean {
    return this.#writes !== null;
  }

  #start(options: HistoryOpenOptions): void {
    const problem = retentionProblem(this.#retention);
    if (problem) {
      this.message = `History is off: ${problem}`;
      return;
    }
    try {
      mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      this.message = `History is off: cannot create ${options.dir}: ${errorText(error)}`;
      return;
    }
    const bad = notAFile(this.path);
    if (bad) {
      this.message = `History is off: ${bad}`;
      return;
    }
    let lock: ReturnType<typeof acquireWriterLock>;
    try {
      lock = acquireWriterLock(`${this.path}.lock`);
    } catch (error) {
      this.message = `History is off: cannot take the writer lock ${this.path}.lock: ${errorText(error)}`;
      return;
    }
    if (!lock.held) {
      this.#openReadOnly(`Another Telltale (pid ${lock.holder.pid}) records the history; this one only reads it.`);
      return;
    }
    this.#releaseLock = lock.release;
    if (!this.#openWriter()) return;
    this.applyRetention();
    this.#timer = setInterval(() => this.applyRetention(), options.retentionEveryMs ?? 3_600_000);
    this.#timer.unref();
  }

  #openReadOnly(message: string): void {
    try {
      this.db = new Database(this.path, { readonly: true, fileMustExist: true, timeout: 2000 });
      this.message = message;
    } catch (error) {
      this.message = `${message} It cannot be read yet: ${errorText(error)}`;
    }
  }

  /** Opens for writing; a damaged file is set aside once and a new one started. */
  #openWriter(): boolean {
    let repaired: string | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const db = openWritable(this.path);
        this.db = db;
        this.#writes = prepareWrites(db);
        this.message = repaired;
        return true;
      } catch (error) {
        if (attempt === 0 && isDamage(error)) {
          repaired = this.#setAsideMessage(error);
          if (repaired === null) break;
          continue;
        }
        this.message = `History is off: cannot open ${this.path}: ${errorText(error)}${repaired ? ` (${repaired})` : ''}`;
        this.#releaseLock?.();
        this.#releaseLock = null;
        return false;
      }
    }
    return false;
  }

  /** Moves the damaged file aside; the message for the status, or null when even that failed. */
  #setAsideMessage(error: unknown): string | null {
    try {
      const aside = setAside(this.path, this.now());
      return `The history was damaged (${errorText(error)}); it was moved to ${aside} and a new one was started.`;
    } catch (moveError) {
      this.message = `History is off: ${this.path} is damaged (${errorText(error)}) and could not be moved aside: ${errorText(moveError)}`;
      this.#releaseLock?.();
      this.#releaseLock = null;
      return null;
    }
  }

  /** Records one sample in one transaction. A failed write loses this sample only. */
  record(snapshot: Snapshot, events: readonly MonitorEvent[]): void {
    const writes = this.#writes;
    const db = this.db;
    if (!writes || !db) return;
    try {
      const record = recordSample(snapshot, events, this.#previousPointKey);
      db.transaction(() => this.#write(writes, record, snapshot))();
      this.#previousPointKey = record.pointKey;
    } catch (error) {
      // A rolled-back transaction may have taken remote ids with it.
      this.#remoteIds.clear();
      this.#recover(error);
    }
  }

  #write(w: Statements, r: SampleRecord, snapshot: Snapshot): void {
    for (const e of r.events) w.event.run(e.atMs, e.code, e.toolId, e.remote && this.#remoteId(w, remoteKey(e.remote)), e.body);
    for (const s of r.sightings) {
      // Positional parameters: binding named ones costs more, and this runs per endpoint per sample.
      w.endpoint.run(s.toolId ?? '', s.toolId ? '' : s.process, s.process, s.address, s.port, s.host, s.country, s.org, r.atMs, r.atMs, s.count, s.failed);
    }
    if (r.level !== null) w.exposure.run(r.minuteMs, r.level);
    for (const a of r.activity) {
      const key = [a.toolId ?? '', a.toolId ? '' : a.process, a.name, a.connections, a.attempts] as const;
      w.activity.run(r.minuteMs, ...key);
      w.activityHour.run(r.hourMs, ...key);
    }
    if (r.keepPoint) {
      const kept = this.#redact(snapshot);
      const { level = null, summary = '', message } = kept.exposure ?? {};
      w.point.run(r.atMs, level, summary, kept.inferences.length, gzipSync(JSON.stringify(kept)), message ? JSON.stringify(message) : null);
    }
    for (const { atMs, change, inference: i } of r.inferences) {
      w.inference.run(atMs, change, i.id, String(i.value), i.confidence, i.statement, i.visibleTo.join(','));
    }
  }

  #remoteId(w: Statements, key: string): number {
    let id = this.#remoteIds.get(key);
    if (id === undefined) {
      w.remote.run(key);
      id = w.remoteId.get(key) as number;
      this.#remoteIds.set(key, id);
    }
    return id;
  }

  /** After a failed write: a damaged file is set aside and a new one started; otherwise say why. */
  #recover(error: unknown): void {
    if (!isDamage(error)) {
      this.message = `A sample could not be written to the history: ${errorText(error)}`;
      return;
    }
    this.db?.close();
    this.db = null;
    this.#writes = null;
    const message = this.#setAsideMessage(error);
    if (message !== null && this.#openWriter()) {
      this.message = message;
      this.#previousPointKey = null;
    }
  }

  /** Changes retention at run time (settings) and applies it at once. */
  setRetention(retention: Retention): void {
    const problem = retentionProblem(retention);
    if (problem) throw new RangeError(problem);
    this.#retention = retention;
    this.applyRetention();
  }

  get retention(): Retention {
    return this.#retention;
  }

  /** Deletes what is older than the retention days, then the oldest until under the size cap. */
  applyRetention(): void {
    const db = this.db;
    if (!db || !this.#writes) return;
    try {
      const now = this.now();
      // Retention may delete remote details: their ids are looked up afresh.
      this.#remoteIds.clear();
      deleteBefore(db, cutoffMs(now, this.#retention));
      const cap = maxBytes(this.#retention);
      for (let round = 0; round < 32; round++) {
        const used = usedBytes(db);
        if (used <= cap) break;
        const oldest = oldestMs(db);
        if (oldest === null) break;
        deleteBefore(db, trimBefore(oldest, now, used, cap));
      }
      db.pragma('incremental_vacuum');
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      this.#recover(error);
    }
  }

  override close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#writes = null;
    super.close();
    this.#releaseLock?.();
    this.#releaseLock = null;
  }
}

function usedBytes(db: Database.Database): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return (pages - free) * (db.pragma('page_size', { simple: true }) as number);
}

function oldestMs(db: Database.Database): number | null {
  const row = db
    .prepare('SELECT MIN(t) AS t FROM (SELECT MIN(minute) AS t FROM activity_minutes UNION ALL SELECT MIN(at) FROM points)')
    .get() as { t: number | null };
  const events = oldestEventMs(db);
  return row.t === null ? events : events === null ? row.t : Math.min(row.t, events);
}

function deleteBefore(db: Database.Database, before: number): void {
  db.transaction(() => {
    const events = db.prepare('DELETE FROM events WHERE id < ?').run(eventIdAtOrAfter(db, before));
    // Remote details no event refers to any more (one pass over the events, only after deleting some).
    if (events.changes > 0) db.prepare('DELETE FROM remotes WHERE id NOT IN (SELECT remote FROM events WHERE remote IS NOT NULL)').run();
    db.prepare('DELETE FROM activity_minutes WHERE minute < ?').run(before);
    // An hour is kept while any of its minutes may be.
    db.prepare('DELETE FROM activity_hours WHERE hour < ?').run(before - 3_600_000);
    db.prepare('DELETE FROM exposure_minutes WHERE minute < ?').run(before);
    db.prepare('DELETE FROM points WHERE at < ?').run(before);
    db.prepare('DELETE FROM inferences WHERE at < ?').run(before);
    db.prepare('DELETE FROM endpoints WHERE last_seen < ?').run(before);
  })();
}
