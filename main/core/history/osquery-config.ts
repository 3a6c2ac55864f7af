/**
 * The osquery Auto Table Construction (ATC) config that lets osquery (and Fleet or Kolide through
 * it) read each user's history database as three tables. Telltale sends nothing: osquery reads the
 * file where it lies, with the query below, when the fleet's operators schedule it.
 */
import { STORED_POSITIONS } from './event-codec.js';
import { EVENT_TYPE_CODES } from './event-kinds.js';

export const OSQUERY_PLATFORMS = ['linux', 'darwin', 'windows'] as const;
export type OsqueryPlatform = (typeof OSQUERY_PLATFORMS)[number];

/** Every user's history file; `%` matches one path segment (the user's folder). */
export const HISTORY_PATHS: Record<OsqueryPlatform, string> = {
  linux: '/home/%/.local/state/telltale/history.sqlite',
  darwin: '/Users/%/Library/Application Support/Telltale/history.sqlite',
  windows: 'C:\\Users\\%\\AppData\\Local\\Telltale\\history.sqlite',
};

export interface AtcTable {
  query: string;
  path: string;
  columns: string[];
  platform: OsqueryPlatform;
}

export interface OsqueryConfig {
  auto_table_construction: Record<'telltale_events' | 'telltale_endpoints' | 'telltale_inferences', AtcTable>;
}

const time = (column: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${column} / 1000.0, 'unixepoch')`;
const { 'connection-opened': OPENED, 'connection-closed': CLOSED, 'connection-attempt': ATTEMPT } = EVENT_TYPE_CODES;

/** A fact of a connection or attempt event, by its position in the stored body; null for other events. */
const fact = (name: keyof (typeof STORED_POSITIONS)['connection'], alias: string) =>
  `CASE WHEN e.type IN (${OPENED}, ${CLOSED}) THEN json_extract(e.body, '$[${STORED_POSITIONS.connection[name]}]') ` +
  `WHEN e.type = ${ATTEMPT} THEN json_extract(e.body, '$[${STORED_POSITIONS.attempt[name]}]') END AS ${alias}`;

/** Events of the last day, newest first; connection facts pulled out of the stored body. */
const EVENTS_QUERY = `SELECT e.id AS id, ${time('e.at')} AS time, t.name AS type, COALESCE(e.tool_id, '') AS tool_id,
  ${fact('process', 'process')},
  ${fact('remoteAddress', 'remote_address')},
  ${fact('remotePort', 'remote_port')},
  e.body AS details
FROM events e JOIN event_types t ON t.code = e.type
WHERE e.at >= (CAST(strftime('%s', 'now') AS INTEGER) - 86400) * 1000
ORDER BY e.at DESC, e.id DESC`;

const ENDPOINTS_QUERY = `SELECT tool AS tool_id, process, address, COALESCE(host, '') AS host, port, COALESCE(country, '') AS country,
  COALESCE(org, '') AS org, ${time('first_seen')} AS first_seen, ${time('last_seen')} AS last_seen, count, failed
FROM endpoints ORDER BY last_seen DESC, tool, address, port`;

const INFERENCES_QUERY = `SELECT ${time('at')} AS time, change, inference, value, confidence, statement, visible_to
FROM inferences ORDER BY at DESC, id DESC`;

export const ATC_COLUMNS = {
  telltale_events: ['id', 'time', 'type', 'tool_id', 'process', 'remote_address', 'remote_port', 'details'],
  telltale_endpoints: ['tool_id', 'process', 'address', 'host', 'port', 'country', 'org', 'first_seen', 'last_seen', 'count', 'failed'],
  telltale_inferences: ['time', 'change', 'inference', 'value', 'confidence', 'statement', 'visible_to'],
} as const;

export function osqueryConfig(platform: OsqueryPlatform): OsqueryConfig {
  const path = HISTORY_PATHS[platform];
  const table = (query: string, columns: readonly string[]): AtcTable => ({ query, path, columns: [...columns], platform });
  return {
    auto_table_construction: {
      telltale_events: table(EVENTS_QUERY, ATC_COLUMNS.telltale_events),
      telltale_endpoints: table(ENDPOINTS_QUERY, ATC_COLUMNS.telltale_endpoints),
      telltale_inferences: table(INFERENCES_QUERY, ATC_COLUMNS.telltale_inferences),
    },
  };
}

/** osquery's name for a Node platform, null where it has none here. */
export function osqueryPlatformOf(nodePlatform: string): OsqueryPlatform | null {
  if (nodePlatform === 'win32') return 'windows';
  return (OSQUERY_PLATFORMS as readonly string[]).includes(nodePlatform) ? (nodePlatform as OsqueryPlatform) : null;
}
