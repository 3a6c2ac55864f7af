import { parseEndpoint, socketRowFrom } from './endpoint.js';
import { connectionOf } from './join.js';
import type { ParsedConnections, SampledConnection } from './types.js';

interface FileFields {
  type: string;
  protocol: string;
  name: string;
  state: string;
}

/**
 * Parses `lsof -nP -iTCP -iUDP -FpcnPT` (macOS and Linux): one field per line, the first
 * character naming it. p starts a process (c = command, R = ppid), f starts a file, then
 * t (IPv4/IPv6, when asked for), P (TCP/UDP), n ("a:1->b:2" or "*:22"), T ("ST=ESTABLISHED").
 */
export function parseLsof(text: string): ParsedConnections {
  const rows: SampledConnection[] = [];
  const names = new Map<number, string>();
  let malformed = 0;
  let process: { pid: number; name: string | null } | null = null;
  let file = null as FileFields | null; // "as": assigned in closures, which narrowing does not see

  const flush = () => {
    if (!file) return;
    const current = file;
    file = null;
    const [localText, remoteText] = current.name.split('->');
    const local = localText ? parseEndpoint(localText) : null;
    const remote = remoteText ? parseEndpoint(remoteText) : null;
    const transport = current.protocol === 'UDP' ? 'udp' : current.protocol === 'TCP' ? 'tcp' : null;
    const row =
      transport && local && (remoteText === undefined || remote)
        ? socketRowFrom(transport, local, remote, current.state, current.type === 'IPv6')
        : null;
    if (!row || !process) {
      malformed++;
      return;
    }
    if (process.name !== null) names.set(process.pid, process.name);
    rows.push(connectionOf(row, process.pid));
  };

  const startFile = (): FileFields => {
    flush();
    file = { type: '', protocol: '', name: '', state: '' };
    return file;
  };

  for (const line of text.split('\n')) {
    const tag = line[0];
    const value = line.slice(1).trimEnd();
    if (tag === 'p') {
      flush();
      process = /^\d+$/.test(value) ? { pid: Number(value), name: null } : null;
      if (!process) malformed++;
    } else if (tag === 'c' && process && !file) {
      process.name = value;
    } else if (tag === 'f') {
      startFile();
    } else if (tag === 't' || tag === 'P' || tag === 'n') {
      // Some lsof builds omit the f line; a field seen twice then starts the next file.
      const key = tag === 't' ? 'type' : tag === 'P' ? 'protocol' : 'name';
      const current = !file || file[key] !== '' ? startFile() : file;
      current[key] = value;
    } else if (file && tag === 'T' && value.startsWith('ST=')) {
      file.state = value.slice(3);
    }
  }
  flush();
  return { rows, malformed, names };
}

