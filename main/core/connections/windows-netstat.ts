import { parseEndpoint, socketRowFrom } from './endpoint.js';
import { connectionOf } from './join.js';
import type { ParsedConnections, SampledConnection } from './types.js';

/**
 * Parses Windows `netstat -ano`: "TCP local foreign state pid" and "UDP local *:* pid". Process
 * names are not in this output (`names` is empty): they come from the process list. State words
 * are localised on non-English Windows and are then passed through as printed.
 */
export function parseWindowsNetstat(text: string): ParsedConnections {
  const rows: SampledConnection[] = [];
  let malformed = 0;
  for (const raw of text.split(/\r?\n/)) {
    const fields = raw.trim().split(/\s+/);
    const proto = fields[0]?.toUpperCase();
    if (proto !== 'TCP' && proto !== 'UDP') continue; // headers, "Active Connections", blank lines
    const udp = proto === 'UDP';
    const expected = udp ? 4 : 5;
    const local = parseEndpoint(fields[1] ?? '');
    const remote = parseEndpoint(fields[2] ?? '');
    const pidText = fields[expected - 1] ?? '';
    const row =
      fields.length === expected && local && remote && /^\d+$/.test(pidText)
        ? socketRowFrom(udp ? 'udp' : 'tcp', local, remote, udp ? '' : (fields[3] as string))
        : null;
    if (!row) {
      malformed++;
      continue;
    }
    // PID 0 is the System Idle Process, which owns TIME_WAIT remnants: no real owner.
    const pid = Number(pidText);
    rows.push(connectionOf(row, pid === 0 ? 'no-process' : pid));
  }
  return { rows, malformed, names: new Map() };
}
