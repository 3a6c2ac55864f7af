/** Change events as one readable line each, naming tools by name (the history list, toasts' context). */
import type { MonitorEvent, MonitorEventType } from '../../../contract/events.js';
import type { Confidence, ExposureLevel, Inference, NamedConnection } from '../../../contract/snapshot.js';
import { formatEndpoint, formatValue } from '../../../common/format.js';
import type { Language } from '../../../common/i18n/languages.js';
import { renderStatement } from '../../../common/i18n/render.js';
import { translator, type PlainKey, type Translate } from '../../../common/i18n/translate.js';
import { closedAfterText } from './attempts.js';

/** What the event list's type filter offers, with a label each. */
export const EVENT_TYPE_KEYS: Readonly<Record<MonitorEventType, PlainKey>> = {
  'connection-opened': 'event-text.type.connection-opened',
  'connection-closed': 'event-text.type.connection-closed',
  'connection-attempt': 'event-text.type.connection-attempt',
  'tool-started': 'event-text.type.tool-started',
  'tool-stopped': 'event-text.type.tool-stopped',
  'signal-changed': 'event-text.type.signal-changed',
  'inference-gained': 'event-text.type.inference-gained',
  'inference-lost': 'event-text.type.inference-lost',
  'inference-changed': 'event-text.type.inference-changed',
  'exposure-changed': 'event-text.type.exposure-changed',
};

/** A confidence as a word of the sentence ("high", "高"). */
export const CONFIDENCE_KEYS: Readonly<Record<Confidence, PlainKey>> = { low: 'shell.confidence.low', medium: 'shell.confidence.medium', high: 'shell.confidence.high' };

const LEVEL_KEYS: Readonly<Record<ExposureLevel, PlainKey>> = {
  none: 'event-text.level.none',
  low: 'event-text.level.low',
  elevated: 'event-text.level.elevated',
  high: 'event-text.level.high',
};

/** A tool's display name for its id (the id itself when the tool is not known). */
export type ToolName = (toolId: string) => string;

export function toolNameLookup(tools: readonly { id: string; name: string }[]): ToolName {
  const names = new Map(tools.map((tool) => [tool.id, tool.name]));
  return (toolId) => names.get(toolId) ?? toolId;
}

/** An inference's statement in `language`: from its messages when it has them, its English text otherwise. */
export function inferenceStatement(inference: Pick<Inference, 'statement' | 'message' | 'evidenceMessages'>, language: Language): string {
  return inference.message ? renderStatement(inference.message, inference.evidenceMessages ?? [], language) : inference.statement;
}

type Remote = { host?: string | null; country?: string | null; org?: string | null } | null | undefined;

function destination(t: Translate, remote: Remote, address: string | null, port: number | null): string {
  const endpoint = formatEndpoint(address, port) || t('event-text.unknown-peer');
  const named = remote?.host ? t('event-text.host', { host: remote.host, endpoint }) : endpoint;
  const where = [remote?.country, remote?.org].filter(Boolean).join(t('list.comma'));
  return where ? t('event-text.where', { destination: named, where }) : named;
}

export function eventText(event: MonitorEvent, name: ToolName, language: Language): string {
  const t = translator(language);
  const inference = (i: Inference) => t('event-text.inference', { statement: inferenceStatement(i, language), level: t(CONFIDENCE_KEYS[i.confidence]) });
  const connection = (c: NamedConnection) => ({
    who: c.toolId ? name(c.toolId) : (c.process ?? t('event-text.unknown-process')),
    to: destination(t, c.remote, c.remoteAddress, c.remotePort),
  });
  const toolOf = (e: { toolId: string; name: string }) => (name(e.toolId) === e.toolId ? e.name : name(e.toolId));
  switch (event.type) {
    case 'connection-opened':
      return t('event-text.connected', connection(event.connection));
    case 'connection-closed':
      return t('event-text.closed', connection(event.connection));
    case 'connection-attempt': {
      const a = event.attempt;
      const words = { who: a.toolId ? name(a.toolId) : a.process, to: destination(t, a.remote, a.remoteAddress, a.remotePort) };
      if (a.outcome === 'failed') return t('event-text.failed', words);
      if (a.outcome === 'seen') return t('event-text.seen', words);
      const closed = closedAfterText(a, language);
      return closed ? t('event-text.connected-closed', { ...words, closed }) : t('event-text.connected', words);
    }
    case 'tool-started':
      return t('event-text.started', { tool: toolOf(event) });
    case 'tool-stopped':
      return t('event-text.stopped', { tool: toolOf(event) });
    case 'signal-changed':
      return t('event-text.signal-changed', { id: event.id, before: formatValue(event.before, '—', language), after: formatValue(event.after, '—', language) });
    case 'inference-gained':
      return t('event-text.gained', { inference: inference(event.inference) });
    case 'inference-lost':
      return t('event-text.lost', { inference: inference(event.inference) });
    case 'inference-changed':
      return t('event-text.changed', { before: inference(event.before), after: inference(event.after) });
    case 'exposure-changed':
      return event.before === null
        ? t('event-text.exposure-is', { after: t(LEVEL_KEYS[event.after]) })
        : t('event-text.exposure-went', { before: t(LEVEL_KEYS[event.before]), after: t(LEVEL_KEYS[event.after]) });
  }
}
