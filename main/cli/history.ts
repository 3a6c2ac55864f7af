/**
 * `telltale history [--since 1h|24h|7d] [--tool ID] [--kind K] [--json]`: past events, newest first.
 * `telltale history endpoints [--tool ID] [--json]`: what each tool talked to, where, first and last seen.
 * `telltale history points [--limit N] [--json]`: the kept snapshots a comparison can start from, with their verdicts.
 * Both open the history read-only, so they work while a monitor records.
 */
import type { Language } from '../../common/i18n/languages.js';
import os from 'node:os';
import path from 'node:path';
import { HISTORY_RANGE_MS, HistoryRange } from '../../contract/history.js';
import type { EndpointRecord, HistoryEvent, HistoryPoint } from '../../contract/history.js';
import { pointSummary } from '../../common/history-point.js';
import { defaultStateDir } from '../adapters/state-dir.js';
import { HISTORY_FILE, HistoryReader } from '../adapters/history/sqlite-history.js';
import { HISTORY_KINDS, isHistoryKind, KIND_TYPES } from '../core/history/event-kinds.js';
import { formatEvent } from '../monitor/event-text.js';
import { parse, positiveNumber, UsageError, type CliIo } from './args.js';
import { commandLanguage } from './language.js';
import { translator, type Translate } from '../../common/i18n/translate.js';

const LIMIT = 10_000;

function historyFile(): string {
  return path.join(defaultStateDir(process.env, os.homedir()), HISTORY_FILE);
}

/** Opens the history read-only and prints what `read` answers, as JSON or as `text`; exit 1 when the history reported a problem. */
function printFromHistory<T>(io: CliIo, json: boolean | undefined, read: (reader: HistoryReader) => T, text: (found: T) => string): number {
  const reader = HistoryReader.openReadOnly(historyFile());
  try {
    const found = read(reader);
    const problem = reader.status().message;
    if (problem) io.stderr.write(`telltale: ${problem}\n`);
    io.stdout.write(json ? `${JSON.stringify(found, null, 2)}\n` : text(found));
    return problem ? 1 : 0;
  } finally {
    reader.close();
  }
}

function eventsCommand(args: string[], io: CliIo): number {
  const { values } = parse(args, { since: { type: 'string' }, tool: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } });
  const since = values.since ?? '24h';
  const range = HistoryRange.safeParse(since);
  if (!range.success) throw new UsageError({ id: 'usage.one-of', option: '--since', choices: HistoryRange.options, value: since });
  const kind = values.kind;
  if (kind !== undefined && !isHistoryKind(kind)) throw new UsageError({ id: 'usage.one-of', option: '--kind', choices: HISTORY_KINDS, value: kind });
  const language = commandLanguage(values.lang, io);
  const t = translator(language);
  const query = {
    since: new Date(Date.now() - HISTORY_RANGE_MS[range.data]).toISOString(),
    toolId: values.tool,
    types: kind === undefined ? undefined : [...KIND_TYPES[kind]],
    limit: LIMIT,
  };
  return printFromHistory(io, values.json, (reader) => reader.events(query), (page) => eventsText(page.events, page.truncated, since, t, language));
}

function eventsText(events: readonly HistoryEvent[], truncated: boolean, since: string, t: Translate, language: Language): string {
  if (events.length === 0) return `${t('cli.history.none', { since })}\n`;
  const lines = events.map((e) => formatEvent(e.event, language));
  if (truncated) lines.push(t('cli.history.truncated', { count: String(events.length) }));
  return `${lines.join('\n')}\n`;
}

function endpointsCommand(args: string[], io: CliIo): number {
  const { values } = parse(args, { tool: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } });
  const t = translator(commandLanguage(values.lang, io));
  return printFromHistory(io, values.json, (reader) => reader.endpoints(values.tool), (endpoints) => endpointsText(endpoints, t));
}

function endpointsText(endpoints: readonly EndpointRecord[], t: Translate): string {
  if (endpoints.length === 0) return `${t('cli.endpoints.none')}\n`;
  const groups = new Map<string, EndpointRecord[]>();
  for (const e of endpoints) {
    const owner = e.toolId ?? t('churn.no-tool', { process: e.process });
    groups.set(owner, [...(groups.get(owner) ?? []), e]);
  }
  const out: string[] = [];
  for (const [owner, list] of groups) {
    out.push(owner);
    for (const e of list) {
      const where = [e.country, e.org].filter(Boolean).join(t('list.comma'));
      const address = e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
      const seen = { first: e.firstSeen, last: e.lastSeen, count: String(e.count) };
      const when = e.failed ? t('cli.endpoints.seen-failed', { ...seen, failed: String(e.failed) }) : t('cli.endpoints.seen', seen);
      out.push(`  ${[address, e.host, where ? t('cli.endpoints.where', { where }) : null].filter(Boolean).join(' ')}  ${when}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const POINTS = 50;

function pointsCommand(args: string[], io: CliIo): number {
  const { values } = parse(args, { limit: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } });
  const limit = positiveNumber(values.limit, '--limit', POINTS);
  if (!Number.isInteger(limit) || limit > LIMIT) throw new UsageError({ id: 'usage.whole-number-range', option: '--limit', min: '1', max: String(LIMIT), value: values.limit ?? '' });
  const language = commandLanguage(values.lang, io);
  return printFromHistory(io, values.json, (reader) => reader.points(limit), (points) => pointsText(points, language));
}

/** "2026-11-24T10:00:00.000Z  #12  3 inferences  High exposure: ...", newest first. */
function pointsText(points: readonly HistoryPoint[], language: Language): string {
  const t = translator(language);
  if (points.length === 0) return `${t('cli.points.none')}\n`;
  const plural = new Intl.PluralRules(language);
  const lines = points.map((p) => {
    const count = { count: String(p.inferences) };
    const inferences = plural.select(p.inferences) === 'one' ? t('cli.points.inferences.one', count) : t('cli.points.inferences.other', count);
    return `${p.at}  #${p.id}  ${inferences}  ${pointSummary(p, language)}`;
  });
  return `${lines.join('\n')}\n`;
}

export async function historyCommand(args: string[], io: CliIo): Promise<number> {
  if (args[0] === 'endpoints') return endpointsCommand(args.slice(1), io);
  if (args[0] === 'points') return pointsCommand(args.slice(1), io);
  return eventsCommand(args, io);
}
