import si from 'systeminformation';
import { attachProcesses } from '../core/connections/join.js';
import { fromSiConnections, fromSiProcesses } from '../core/connections/systeminformation.js';
import type { ConnectionSample } from '../core/connections/types.js';

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Samples through systeminformation (netstat/ss on Linux, netstat + ps on macOS, netstat -ano on
 * Windows): the portable path, and the fallback. A failing call becomes a note, not a throw.
 */
export async function sampleSystemInformation(): Promise<ConnectionSample> {
  const notes: string[] = [];
  const [connectionsResult, processesResult] = await Promise.allSettled([si.networkConnections(), si.processes()]);
  const rawConnections = connectionsResult.status === 'fulfilled' ? connectionsResult.value : [];
  if (connectionsResult.status === 'rejected') notes.push(`networkConnections failed: ${reasonOf(connectionsResult.reason)}`);
  const processes = processesResult.status === 'fulfilled' ? fromSiProcesses(processesResult.value.list) : [];
  if (processesResult.status === 'rejected') notes.push(`processes failed: ${reasonOf(processesResult.reason)}`);

  const parsed = fromSiConnections(rawConnections);
  if (parsed.malformed > 0) notes.push(`${parsed.malformed} connection row(s) from systeminformation not understood`);
  if (process.platform === 'linux') notes.push('systeminformation on Linux lists no unconnected UDP sockets');
  return { connections: attachProcesses(parsed.rows, processes), processes, source: 'systeminformation', notes };
}
