import { endpointOf, socketRowFrom } from './endpoint.js';
import { connectionOf } from './join.js';
import type { ProcessFacts } from './sampled-process.js';
import type { ParsedConnections, SampledConnection } from './types.js';

/** The fields we use of systeminformation's NetworkConnectionsData (typed here so core need not import it). */
export interface SiConnection {
  protocol: string;
  localAddress: string;
  localPort: string;
  peerAddress: string;
  peerPort: string;
  state: string;
  pid: number | null;
  process: string;
}

/** The fields we use of systeminformation's ProcessesProcessData. */
export interface SiProcess {
  pid: number;
  parentPid: number;
  name: string;
  command: string;
  params: string;
  user: string;
  /** "YYYY-MM-DD HH:MM:SS" local time on Linux and macOS; other text elsewhere. */
  started: string;
}

function validPid(pid: unknown): number | null {
  return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * systeminformation's connection rows -> connections ("tcp4"/"tcp6"/"udp" protocols, ports as
 * text); a row without a pid is 'not-reported'.
 */
export function fromSiConnections(items: readonly SiConnection[]): ParsedConnections {
  const rows: SampledConnection[] = [];
  const names = new Map<number, string>();
  let malformed = 0;
  for (const item of items) {
    const protocol = item.protocol.toLowerCase();
    const transport = protocol.startsWith('udp') ? 'udp' : protocol.startsWith('tcp') ? 'tcp' : null;
    const local = endpointOf(item.localAddress, item.localPort);
    const peer = item.peerAddress === '' ? null : endpointOf(item.peerAddress, item.peerPort);
    const row = transport && local ? socketRowFrom(transport, local, peer, item.state, protocol.endsWith('6')) : null;
    if (!row) {
      malformed++;
      continue;
    }
    const pid = validPid(item.pid);
    if (pid !== null && item.process) names.set(pid, item.process);
    rows.push(connectionOf(row, pid ?? 'not-reported'));
  }
  return { rows, malformed, names };
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** systeminformation's start time ("2024-05-01 09:30:00", local) as ISO, or null when not in that form. */
export function siStartedAt(started: string): string | null {
  const match = LOCAL_DATE_TIME.exec(started.trim());
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  // Date rolls "13-45" over into the next year: out-of-range fields are garbage, not a time.
  const inRange = date.getMonth() === month - 1 && date.getDate() === day && hours < 24 && minutes < 60 && seconds < 60;
  return inRange ? date.toISOString() : null;
}

/** systeminformation's process list -> process facts (command = executable + params). */
export function fromSiProcesses(items: readonly SiProcess[]): ProcessFacts[] {
  return items.flatMap((item) => {
    const pid = validPid(item.pid);
    if (pid === null) return [];
    return [
      {
        pid,
        ppid: validPid(item.parentPid),
        name: item.name,
        rawCommand: [item.command, item.params].filter((part) => part !== '').join(' '),
        startedAt: siStartedAt(item.started),
        user: item.user || null,
      },
    ];
  });
}
