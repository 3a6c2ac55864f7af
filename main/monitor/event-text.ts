/** One line of plain text per monitor event, for `telltale watch`: "+" appeared, "-" went, "~" changed. */
import type { MonitorEvent } from '../../contract/events.js';
import type { Inference } from '../../contract/snapshot.js';
import { formatConnection, formatValue } from '../../common/format.js';
import type { Language } from '../../common/i18n/languages.js';
import { CONFIDENCE_WORDS, EXPOSURE_WORDS, renderStatement } from '../../common/i18n/render.js';
import { translator, type Translate } from '../../common/i18n/translate.js';

/** The inference's statement in the language, from its messages when it has them (the English text otherwise). */
function statementOf(i: Inference, language: Language): string {
  return i.message ? renderStatement(i.message, i.evidenceMessages ?? [], language) : i.statement;
}

/** "location.country = CN [high]": the id and value stay as they are; the confidence is a word of the language. */
const valueText = (i: Inference, t: Translate): string => `${String(i.value)} [${t(CONFIDENCE_WORDS[i.confidence])}]`;

const inferenceText = (i: Inference, language: Language, t: Translate): string => `${i.id} = ${valueText(i, t)}: ${statementOf(i, language)}`;

export function formatEvent(event: MonitorEvent, language: Language): string {
  const t = translator(language);
  const line = (text: string) => `[${event.at}] ${text}`;
  switch (event.type) {
    case 'connection-opened':
      return line(`+ ${t('event.connection', { connection: formatConnection(event.connection, language) })}`);
    case 'connection-closed':
      return line(`- ${t('event.connection', { connection: formatConnection(event.connection, language) })}`);
    case 'connection-attempt': {
      const a = event.attempt;
      const pid = String(a.pid);
      const owner = a.toolId ? t('event.attempt.owner-tool', { process: a.process, pid, tool: a.toolId }) : t('event.attempt.owner', { process: a.process, pid });
      const to = a.remoteAddress.includes(':') ? `[${a.remoteAddress}]:${a.remotePort}` : `${a.remoteAddress}:${a.remotePort}`;
      const host = a.remote?.host ? ` ${a.remote.host}` : '';
      const took = a.durationMs === null ? '' : t('event.attempt.after', { ms: a.durationMs.toFixed(1) });
      const ended = a.endedAt === undefined ? '' : t('event.attempt.closed-after', { ms: Math.max(0, Date.parse(a.endedAt) - Date.parse(a.at)).toFixed(0) });
      return line(`> tcp ${a.outcome} ${owner} -> ${to}${host}${took}${ended}`);
    }
    case 'tool-started':
      return line(
        `+ ${event.pids.length ? t('event.tool-started.pids', { name: event.name, pids: event.pids.join(t('list.comma')) }) : t('event.tool-started', { name: event.name })}`,
      );
    case 'tool-stopped':
      return line(`- ${t('event.tool-stopped', { name: event.name })}`);
    case 'signal-changed':
      return line(
        `~ ${t('event.signal-changed', { id: event.id, before: formatValue(event.before, undefined, language), after: formatValue(event.after, undefined, language) })}`,
      );
    case 'inference-gained':
      return line(`+ ${t('event.inference', { inference: inferenceText(event.inference, language, t) })}`);
    case 'inference-lost':
      return line(`- ${t('event.inference', { inference: inferenceText(event.inference, language, t) })}`);
    case 'inference-changed': {
      const { before, after } = event;
      return line(`~ ${t('event.inference-changed', { id: after.id, before: valueText(before, t), after: valueText(after, t), statement: statementOf(after, language) })}`);
    }
    case 'exposure-changed':
      return line(`~ ${t('event.exposure-changed', { before: t(EXPOSURE_WORDS[event.before ?? 'none']), after: t(EXPOSURE_WORDS[event.after]) })}`);
  }
}
