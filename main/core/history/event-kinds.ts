/**
 * The kinds of history event a user filters by (`telltale history --kind K`), each mapped to the
 * monitor's event types, and the stable small number each type is stored as.
 */
import type { MonitorEventType } from '../../../contract/events.js';

export const HISTORY_KINDS = ['connection', 'attempt', 'tool', 'signal', 'inference', 'exposure'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const KIND_TYPES: Record<HistoryKind, readonly MonitorEventType[]> = {
  connection: ['connection-opened', 'connection-closed'],
  attempt: ['connection-attempt'],
  tool: ['tool-started', 'tool-stopped'],
  signal: ['signal-changed'],
  inference: ['inference-gained', 'inference-lost', 'inference-changed'],
  exposure: ['exposure-changed'],
};

export function isHistoryKind(value: string): value is HistoryKind {
  return (HISTORY_KINDS as readonly string[]).includes(value);
}

/** The number each type is stored as. Append only: stored rows keep these numbers for ever. */
export const EVENT_TYPE_CODES: Record<MonitorEventType, number> = {
  'connection-opened': 1,
  'connection-closed': 2,
  'connection-attempt': 3,
  'tool-started': 4,
  'tool-stopped': 5,
  'signal-changed': 6,
  'inference-gained': 7,
  'inference-lost': 8,
  'inference-changed': 9,
  'exposure-changed': 10,
};

const TYPE_BY_CODE = new Map(Object.entries(EVENT_TYPE_CODES).map(([type, code]) => [code, type as MonitorEventType]));

export function eventTypeOfCode(code: number): MonitorEventType | null {
  return TYPE_BY_CODE.get(code) ?? null;
}
