/** One line of plain text per monitor event, for `telltale watch`: "+" appeared, "-" went, "~" changed. */
import type { MonitorEvent } from '../../contract/events.js';
import type { Inference } from '../../contract/snapshot.js';
import { formatConnection, formatValue } from '../../common/format.js';

const inferenceText = (i: Inference): string => `${i.id} = ${String(i.value)} [${i.confidence}]: ${i.statement}`;

export function formatEvent(event: MonitorEvent): string {
  const line = (text: string) => `[${event.at}] ${text}`;
  switch (event.type) {
    case 'connection-opened':
      return line(`+ connection ${formatConnection(event.connection)}`);
    case 'connection-closed':
      return line(`- connection ${formatConnection(event.connection)}`);
    case 'connection-attempt': {
      const a = event.attempt;
      const owner = `${a.process} pid ${a.pid}${a.toolId ? ` (${a.toolId})` : ''}`;
      const to = a.remoteAddress.includes(':') ? `[${a.remoteAddress}]:${a.remotePort}` : `${a.remoteAddress}:${a.remotePort}`;
      const host = a.remote?.host ? ` ${a.remote.host}` : '';
      const took = a.durationMs === null ? '' : ` after ${a.durationMs.toFixed(1)} ms`;
      const ended = a.endedAt === undefined ? '' : `, closed after ${Math.max(0, Date.parse(a.endedAt) - Date.parse(a.at)).toFixed(0)} ms`;
      return line(`> tcp ${a.outcome} ${owner} -> ${to}${host}${took}${ended}`);
    }
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
