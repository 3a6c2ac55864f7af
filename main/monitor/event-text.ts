/** One line of plain text per monitor event, for `telltale watch`: "+" appeared, "-" went, "~" changed. */
import type { MonitorEvent } from '../../contract/events.js';
import type { Connection, Inference } from '../../contract/snapshot.js';
import { formatEndpoint, formatRemote, formatValue } from '../core/snapshot/format.js';

function connectionText(c: Connection, processName: string | null): string {
  const owner = c.pid === null ? `(no process${c.ownerUnknown ? `: ${c.ownerUnknown}` : ''})` : `${processName ?? '?'} (pid ${c.pid})`;
  const where = [c.remote?.country, c.remote?.org].filter(Boolean).join(', ');
  return [
    `${owner} ${c.protocol} ${formatEndpoint(c.localAddress, c.localPort)} -> ${formatRemote(c)}`,
    where ? ` [${where}]` : '',
    c.toolId ? ` (${c.toolId})` : '',
  ].join('');
}

const inferenceText = (i: Inference): string => `${i.id} = ${String(i.value)} [${i.confidence}]: ${i.statement}`;

export function formatEvent(event: MonitorEvent): string {
  const line = (text: string) => `[${event.at}] ${text}`;
  switch (event.type) {
    case 'connection-opened':
      return line(`+ connection ${connectionText(event.connection, event.process)}`);
    case 'connection-closed':
      return line(`- connection ${connectionText(event.connection, event.process)}`);
    case 'tool-started':
      return line(`+ tool ${event.name} started${event.pids.length ? ` (pid ${event.pids.join(', ')})` : ''}`);
    case 'tool-stopped':
      return line(`- tool ${event.name} stopped`);
    case 'signal-changed':
      return line(`~ signal ${event.id}: ${formatValue(event.before)} -> ${formatValue(event.after)}`);
    case 'inference-gained':
      return line(`+ inference ${inferenceText(event.inference)}`);
    case 'inference-lost':
      return line(`- inference ${inferenceText(event.inference)}`);
    case 'inference-changed': {
      const { before, after } = event;
      const was = `${String(before.value)} [${before.confidence}]`;
      return line(`~ inference ${after.id}: ${was} -> ${String(after.value)} [${after.confidence}]: ${after.statement}`);
    }
    case 'exposure-changed':
      return line(`~ exposure ${event.before ?? 'none'} -> ${event.after}`);
  }
}
