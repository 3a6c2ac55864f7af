import type { ProcessInfo } from '../process.js';
import { endpointOf, socketRowFrom } from './endpoint.js';
import { toConnection } from './join.js';
import type { Parsed, RawConnection } from './types.js';

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
}

function validPid(pid: unknown): number | null {
  return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** systeminformation's connection rows -> Connections ("tcp4"/"tcp6"/"udp" protocols, ports as text). */
export function fromSiConnections(items: readonly SiConnection[]): Parsed<RawConnection> {
  const rows: RawConnection[] = [];
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
    rows.push(toConnection(row, validPid(item.pid), null, item.process || null));
  }
  return { rows, malformed };
}

/** systeminformation's process list -> ProcessInfo (command = executable + params). */
export function fromSiProcesses(items: readonly SiProcess[]): ProcessInfo[] {
  return items.flatMap((item) => {
    const pid = validPid(item.pid);
    if (pid === null) return [];
    return [
      {
        pid,
        ppid: validPid(item.parentPid),
        name: item.name,
        command: [item.command, item.params].filter((part) => part !== '').join(' '),
        user: item.user || null,
      },
    ];
  });
}
