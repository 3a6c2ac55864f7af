/** Change events as one readable line each, naming tools by name (the history list, toasts' context). */
import type { MonitorEvent, MonitorEventType } from '../../../contract/events.js';
import type { Inference, NamedConnection } from '../../../contract/snapshot.js';
import { formatEndpoint, formatValue } from '../../../common/format.js';
import { closedAfterText } from './attempts.js';

/** What the event list's type filter offers, with a label each. */
export const EVENT_TYPE_LABELS: Readonly<Record<MonitorEventType, string>> = {
  'connection-opened': 'Connection opened',
  'connection-closed': 'Connection closed',
  'connection-attempt': 'Connection attempt',
  'tool-started': 'Tool started',
  'tool-stopped': 'Tool stopped',
  'signal-changed': 'Signal changed',
  'inference-gained': 'Inference gained',
  'inference-lost': 'Inference lost',
  'inference-changed': 'Inference changed',
  'exposure-changed': 'Exposure changed',
};

/** A tool's display name for its id (the id itself when the tool is not known). */
export type ToolName = (toolId: string) => string;

export function toolNameLookup(tools: readonly { id: string; name: string }[]): ToolName {
  const names = new Map(tools.map((tool) => [tool.id, tool.name]));
  return (toolId) => names.get(toolId) ?? toolId;
}


function destination(host: string | null | undefined, address: string | null, port: number | null, country?: string | null, org?: string | null): string {
  const endpoint = formatEndpoint(address, port) || 'an unknown peer';
  const where = [country, org].filter(Boolean).join(', ');
  return `${host ? `${host} (${endpoint})` : endpoint}${where ? ` in ${where}` : ''}`;
}

function connectionText(verb: string, c: NamedConnection, name: ToolName): string {
  const who = c.toolId ? name(c.toolId) : (c.process ?? 'An unknown process');
  return `${who} ${verb} ${destination(c.remote?.host, c.remoteAddress, c.remotePort, c.remote?.country, c.remote?.org)}`;
}

const inferenceText = (inference: Inference) => `${inference.statement} (${inference.confidence} confidence)`;

export function eventText(event: MonitorEvent, name: ToolName): string {
  switch (event.type) {
    case 'connection-opened':
      return connectionText('connected to', event.connection, name);
    case 'connection-closed':
      return connectionText('closed its connection to', event.connection, name);
    case 'connection-attempt': {
      const a = event.attempt;
      const who = a.toolId ? name(a.toolId) : a.process;
      const to = destination(a.remote?.host, a.remoteAddress, a.remotePort, a.remote?.country, a.remote?.org);
      if (a.outcome === 'failed') return `${who} failed to reach ${to}`;
      if (a.outcome === 'seen') return `${who} was seen connected to ${to}`;
      const closed = closedAfterText(a);
      return `${who} connected to ${to}${closed ? `, ${closed}` : ''}`;
    }
    case 'tool-started':
      return `${name(event.toolId) === event.toolId ? event.name : name(event.toolId)} started`;
    case 'tool-stopped':
      return `${name(event.toolId) === event.toolId ? event.name : name(event.toolId)} stopped`;
    case 'signal-changed':
      return `${event.id} changed from ${formatValue(event.before, '—')} to ${formatValue(event.after, '—')}`;
    case 'inference-gained':
      return `New inference: ${inferenceText(event.inference)}`;
    case 'inference-lost':
      return `No longer inferred: ${inferenceText(event.inference)}`;
    case 'inference-changed':
      return `Inference changed: ${inferenceText(event.before)} → ${inferenceText(event.after)}`;
    case 'exposure-changed':
      return `Exposure ${event.before === null ? 'is' : `went from ${event.before} to`} ${event.after}`;
  }
}
