import { parseEndpoint, socketRowFrom } from './endpoint.js';
import { connectionOf } from './join.js';
import type { ParsedConnections, SampledConnection } from './types.js';

// Netid State Recv-Q Send-Q Local Peer [Process]
const LINE = /^(tcp|udp)\s+(\S+)\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s*(.*)$/;
// ("name",pid=123,fd=4) — the name is quoted and may hold spaces.
const USER = /\("((?:[^"\\]|\\.)*)",pid=(\d+),fd=\d+\)/g;

/**
 * Parses `ss -tunapH` (no header). One connection per owning process; a socket whose owner ss
 * could not see (no users:(...) column) has pid null, 'not-reported'.
 */
export function parseSs(text: string): ParsedConnections {
  const rows: SampledConnection[] = [];
  const names = new Map<number, string>();
  let malformed = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const match = LINE.exec(line.trim());
    const local = match ? parseEndpoint(match[3] as string) : null;
    const peer = match ? parseEndpoint(match[4] as string) : null;
    // ss prints a dual-stack IPv6 wildcard ([::] accepting IPv4 too) as "*"; IPv4 any is 0.0.0.0.
    const row =
      match && local && peer ? socketRowFrom(match[1] as 'tcp' | 'udp', local, peer, match[2] as string, local.host === '*') : null;
    if (!match || !row) {
      malformed++;
      continue;
    }
    const users = [...(match[5] as string).matchAll(USER)];
    if (users.length === 0) rows.push(connectionOf(row, 'not-reported'));
    for (const user of users) {
      const pid = Number(user[2]);
      names.set(pid, user[1] as string);
      rows.push(connectionOf(row, pid));
    }
  }
  return { rows, malformed, names };
}
