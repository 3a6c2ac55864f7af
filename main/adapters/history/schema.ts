/**
 * The history database's schema, as numbered migrations. `schema_version` holds the number applied;
 * opening runs the ones after it, each in a transaction, so re-opening is a no-op and a crash
 * half-way leaves the previous version whole.
 *
 * Times are ms since the epoch (INTEGER). Tools are '' where no tool owns the process, so the
 * endpoint key (tool, process_key, address, port) has no NULLs; process_key is '' for a tool's rows
 * (one row per tool whatever its processes are called) and the process name otherwise.
 */
import type Database from 'better-sqlite3';
import { EVENT_TYPE_CODES } from '../../core/history/event-kinds.js';

const { 'connection-opened': CONNECTION_OPENED, 'connection-closed': CONNECTION_CLOSED, 'connection-attempt': CONNECTION_ATTEMPT } = EVENT_TYPE_CODES;

/** Per-tool activity per time unit: the peak of open remote connections and the attempts. */
function activityTable(name: string, unit: 'minute' | 'hour'): string {
  return `CREATE TABLE ${name} (
    ${unit} INTEGER NOT NULL, tool TEXT NOT NULL, process_key TEXT NOT NULL, name TEXT NOT NULL,
    connections INTEGER NOT NULL, attempts INTEGER NOT NULL,
    PRIMARY KEY (${unit}, tool, process_key)
  ) WITHOUT ROWID;`;
}

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    type INTEGER NOT NULL,
    tool_id TEXT,
    body TEXT NOT NULL
  );
  CREATE INDEX events_at ON events (at);
  CREATE TABLE event_types (code INTEGER PRIMARY KEY, name TEXT NOT NULL);

  CREATE TABLE endpoints (
    tool TEXT NOT NULL,
    process_key TEXT NOT NULL,
    process TEXT NOT NULL,
    address TEXT NOT NULL,
    port INTEGER NOT NULL,
    host TEXT,
    country TEXT,
    org TEXT,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    count INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    PRIMARY KEY (tool, process_key, address, port)
  ) WITHOUT ROWID;
  CREATE INDEX endpoints_last_seen ON endpoints (last_seen);

  CREATE TABLE exposure_minutes (minute INTEGER PRIMARY KEY, level INTEGER NOT NULL);

  ${activityTable('activity_minutes', 'minute')}
  -- The same per hour, so the week's Timeline reads 168 rows per tool, not 10,080.
  ${activityTable('activity_hours', 'hour')}

  CREATE TABLE points (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    level TEXT,
    summary TEXT NOT NULL,
    inferences INTEGER NOT NULL,
    snapshot BLOB NOT NULL
  );
  CREATE INDEX points_at ON points (at);

  CREATE TABLE inferences (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    change TEXT NOT NULL,
    inference TEXT NOT NULL,
    value TEXT NOT NULL,
    confidence TEXT NOT NULL,
    statement TEXT NOT NULL,
    visible_to TEXT NOT NULL
  );
  CREATE INDEX inferences_at ON inferences (at);
  `,
  // 2: events a third smaller. Remote details (the same few thousand endpoints over and over) move
  // to a lookup table, referenced by number; the time index goes: events are appended in time
  // order, so a time range is a range of ids (found by binary search, see eventIdAtOrAfter).
  `
  CREATE TABLE remotes (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
  CREATE TEMP TABLE old_events AS
    SELECT id, at, type, tool_id, body,
      -- Nested CASEs: only a valid body is looked into (a damaged one stays as it was).
      CASE WHEN json_valid(body) THEN CASE WHEN json_type(body) = 'array'
        THEN CASE type WHEN ${CONNECTION_OPENED} THEN '$[9]' WHEN ${CONNECTION_CLOSED} THEN '$[9]' WHEN ${CONNECTION_ATTEMPT} THEN '$[10]' END
      END END AS remote_path
    FROM events;
  INSERT OR IGNORE INTO remotes (key)
    SELECT json_extract(body, remote_path) FROM old_events
    WHERE CASE WHEN remote_path IS NULL THEN 0 ELSE json_type(body, remote_path) = 'array' END ORDER BY id;
  DROP TABLE events;
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    type INTEGER NOT NULL,
    tool_id TEXT,
    remote INTEGER REFERENCES remotes (id),
    body TEXT NOT NULL
  );
  INSERT INTO events (id, at, type, tool_id, remote, body)
    SELECT o.id, o.at, o.type, o.tool_id, r.id, CASE WHEN o.remote_path IS NULL THEN o.body ELSE json_remove(o.body, o.remote_path) END
    FROM old_events o LEFT JOIN remotes r ON r.key = CASE WHEN o.remote_path IS NULL THEN NULL ELSE json_extract(o.body, o.remote_path) END
    ORDER BY o.id;
  DROP TABLE old_events;
  `,
  // 3: a point keeps its verdict as a message (JSON, contract/message.ts ExposureMessage) beside the
  // English summary, so it reads in any language; NULL in points kept before.
  `
  ALTER TABLE points ADD COLUMN message TEXT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema up to date (or to `target`: tests build older files); returns the version it found. */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const found = (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
  if (found > SCHEMA_VERSION) throw new Error(`the history was written by a newer Telltale (schema ${found}; this one knows ${SCHEMA_VERSION})`);
  for (let version = found + 1; version <= target; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1] as string);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(version);
    })();
  }
  // The names of the stored type numbers, so the file explains itself (osquery reads it with SQL).
  const upsert = db.prepare('INSERT OR REPLACE INTO event_types (code, name) VALUES (?, ?)');
  db.transaction(() => {
    for (const [name, code] of Object.entries(EVENT_TYPE_CODES)) upsert.run(code, name);
  })();
  return found;
}
