/** What changed between two snapshots: tools, endpoints, countries, inferences, signals, connections. */
import type { Inference, Snapshot, SnapshotDiff, Tool } from '../../../contract/snapshot.js';
import { churnCounts, connectionChurn, type ChurnRow } from '../../../common/connection-churn.js';
import { diffIsEmpty } from '../../../common/diff.js';
import { inferenceChange, inferenceShort } from '../../../common/inference-label.js';
import { countryLabel } from '../../../common/overview.js';
import { signalLabel } from '../../../common/signal-label.js';
import { formatConnection, formatEndpoint, formatValue } from '../../../common/format.js';
import { redactText } from '../secrets/policy.js';
import type { Language } from '../../../common/i18n/languages.js';
import { translator, type PlainKey } from '../../../common/i18n/translate.js';
import { CONFIDENCE_WORD } from './report-model.js';
import { processIndex, withOwnerName } from '../../../common/processes.js';
import { connectionKey } from '../../../common/snapshot-delta.js';

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

function toolIds(snapshot: Snapshot, pick: (tool: Tool) => boolean): Set<string> {
  return new Set(snapshot.tools.filter(pick).map((tool) => tool.id));
}

const minus = (a: Set<string>, b: Set<string>): string[] => sorted([...a].filter((x) => !b.has(x)));

/** Per tool: its declared endpoints and where its attributed connections went. */
function endpointsByTool(snapshot: Snapshot): Map<string, Set<string>> {
  const byTool = new Map<string, Set<string>>();
  const add = (toolId: string, endpoint: string) => {
    const set = byTool.get(toolId) ?? new Set<string>();
    set.add(endpoint);
    byTool.set(toolId, set);
  };
  for (const tool of snapshot.tools) for (const endpoint of tool.endpoints) add(tool.id, endpoint);
  for (const connection of snapshot.connections) {
    if (connection.toolId === null || connection.remoteAddress === null) continue;
    add(connection.toolId, connection.remote?.host ?? formatEndpoint(connection.remoteAddress, connection.remotePort));
  }
  return byTool;
}

function countries(snapshot: Snapshot): Set<string> {
  return new Set(snapshot.connections.flatMap((c) => (c.remote?.country ? [c.remote.country] : [])));
}

const inferenceKey = (inference: Inference): string => `${inference.id}\u0000${String(inference.value)}`;
const sameEvidence = (a: Inference, b: Inference): boolean =>
  sorted(a.evidence).join('\u0000') === sorted(b.evidence).join('\u0000');

function onlyIn<T>(items: T[], other: T[], key: (item: T) => string): T[] {
  const keys = new Set(other.map(key));
  return items.filter((item) => !keys.has(key(item)));
}

/**
 * Inferences added, removed and changed. The same id and value is changed when its confidence or
 * evidence moved; an id that lost one value and gained one (Moonshot AI to DeepSeek) changed its value.
 * An id with several values gained or lost at once stays added and removed: which pairs with which is unknown.
 */
function diffInferences(a: Inference[], b: Inference[]): Pick<SnapshotDiff, 'inferencesAdded' | 'inferencesRemoved' | 'inferencesChanged'> {
  const before = new Map(a.map((i) => [inferenceKey(i), i]));
  const changed = b.flatMap((after) => {
    const was = before.get(inferenceKey(after));
    return was && (was.confidence !== after.confidence || !sameEvidence(was, after)) ? [{ before: was, after }] : [];
  });
  const added = onlyIn(b, a, inferenceKey);
  const removed = onlyIn(a, b, inferenceKey);
  const single = (list: Inference[], id: string) => (list.filter((i) => i.id === id).length === 1 ? list.find((i) => i.id === id) : undefined);
  const revalued = new Set<Inference>();
  for (const after of added) {
    const was = single(removed, after.id);
    if (was && single(added, after.id)) {
      changed.push({ before: was, after });
      revalued.add(was).add(after);
    }
  }
  return {
    inferencesAdded: added.filter((i) => !revalued.has(i)),
    inferencesRemoved: removed.filter((i) => !revalued.has(i)),
    inferencesChanged: changed,
  };
}

export function diffSnapshots(a: Snapshot, b: Snapshot): SnapshotDiff {
  const installedA = toolIds(a, (t) => t.installed);
  const installedB = toolIds(b, (t) => t.installed);
  const runningA = toolIds(a, (t) => t.running);
  const runningB = toolIds(b, (t) => t.running);

  const endpointsA = endpointsByTool(a);
  const endpointsAdded = [...endpointsByTool(b)]
    .sort(([x], [y]) => x.localeCompare(y))
    .flatMap(([toolId, endpoints]) =>
      sorted(endpoints)
        .filter((endpoint) => !endpointsA.get(toolId)?.has(endpoint))
        .map((endpoint) => ({ toolId, endpoint })),
    );

  const signalsA = new Map(a.signals.map((s) => [s.id, s]));
  const signalsB = new Map(b.signals.map((s) => [s.id, s]));
  const signalsChanged = sorted([...signalsA.keys(), ...signalsB.keys()]).flatMap((id) => {
    const before = signalsA.get(id);
    const after = signalsB.get(id);
    const same =
      before && after && before.status === after.status && JSON.stringify(before.value) === JSON.stringify(after.value);
    return same ? [] : [{ id, before: before?.value ?? null, after: after?.value ?? null }];
  });

  return {
    from: a.takenAt,
    to: b.takenAt,
    toolsAdded: minus(installedB, installedA),
    toolsRemoved: minus(installedA, installedB),
    toolsStarted: minus(runningB, runningA),
    toolsStopped: minus(runningA, runningB),
    endpointsAdded,
    countriesAdded: minus(countries(b), countries(a)),
    ...diffInferences(a.inferences, b.inferences),
    signalsChanged,
    connectionsOpened: onlyIn(b.connections, a.connections, connectionKey).map((c) => withOwnerName(c, processIndex(b))),
    connectionsClosed: onlyIn(a.connections, b.connections, connectionKey).map((c) => withOwnerName(c, processIndex(a))),
  };
}

/** Names for the ids a diff carries, from the two snapshots it was made of (the later one wins). */
export function diffNames(a: Snapshot, b: Snapshot, language: Language): Required<Pick<DiffTextOptions, 'toolName' | 'signalName'>> {
  const tools = new Map([...a.tools, ...b.tools].map((t) => [t.id, t.name]));
  const toolName = (id: string) => tools.get(id) ?? id;
  const signals = new Map([...a.signals, ...b.signals].map((s) => [s.id, signalLabel(s, toolName, language)]));
  return { toolName, signalName: (id) => signals.get(id) ?? id };
}

export interface DiffTextOptions {
  /** Tool ids to names (default: the id). */
  toolName?: (id: string) => string;
  /** Signal ids to labels (default: the id). */
  signalName?: (id: string) => string;
  /** List every connection opened and closed, not only the counts. */
  verbose?: boolean;
  /** The language of the headings (default English). */
  language?: Language;
}


/** How many tools and remotes the churn summary lists before "... N more". */
export const CHURN_LIST_LIMIT = 10;

/**
 * The diff as plain text for the CLI: one "+"/"-"/"~" line per change, inferences by their short
 * value, and connection churn as counts per tool and per remote (each socket with `verbose`).
 */
export function renderDiffText(diff: SnapshotDiff, options: DiffTextOptions = {}): string {
  const { toolName = (id: string) => id, signalName = (id: string) => id } = options;
  const language = options.language ?? 'en';
  const t = translator(language);
  const lines = [t('diff.title', { from: diff.from, to: diff.to })];
  if (diffIsEmpty(diff)) return `${lines[0]}\n${t('diff.none')}\n`;
  const section = (title: PlainKey, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', t('report.label', { label: t(title) }));
    // One push per item: a spread of a large snapshot's changes would overflow the stack.
    for (const item of items) lines.push(`  ${item}`);
  };
  section('diff.tools-installed', diff.toolsAdded.map((id) => `+ ${toolName(id)}`));
  section('diff.tools-removed', diff.toolsRemoved.map((id) => `- ${toolName(id)}`));
  section('diff.tools-started', diff.toolsStarted.map((id) => `+ ${toolName(id)}`));
  section('diff.tools-stopped', diff.toolsStopped.map((id) => `- ${toolName(id)}`));
  section('diff.endpoints', diff.endpointsAdded.map((e) => `+ ${e.toolId ? t('diff.endpoint-of', { endpoint: e.endpoint, tool: toolName(e.toolId) }) : e.endpoint}`));
  section('diff.countries', diff.countriesAdded.map((country) => `+ ${countryLabel(country, language)}`));
  const inference = (i: Inference) => t('report.inference.title', { inference: inferenceShort(i, language), confidence: t(CONFIDENCE_WORD[i.confidence]) });
  section('diff.inferences-added', diff.inferencesAdded.map((i) => `+ ${inference(i)}`));
  section('diff.inferences-removed', diff.inferencesRemoved.map((i) => `- ${inference(i)}`));
  section('diff.inferences-changed', diff.inferencesChanged.map(({ before, after }) => `~ ${inferenceChange(before, after, language)}`));
  section(
    'diff.signals-changed',
    diff.signalsChanged.map((s) => `~ ${signalName(s.id)}: ${formatValue(s.before, undefined, language)} -> ${formatValue(s.after, undefined, language)}`),
  );
  const churn = connectionChurn(diff, toolName, language);
  if (churn.opened + churn.closed > 0) {
    const rows = (list: ChurnRow[]) => [
      ...list.slice(0, CHURN_LIST_LIMIT).map((r) => `${churnCounts(r).padEnd(11)} ${r.label}`),
      ...(list.length > CHURN_LIST_LIMIT ? [t('report.connections.more', { count: String(list.length - CHURN_LIST_LIMIT) })] : []),
    ];
    lines.push('', t('diff.connections', { opened: String(churn.opened), closed: String(churn.closed) }), `  ${t('report.label', { label: t('diff.by-tool') })}`);
    for (const row of rows(churn.byTool)) lines.push(`    ${row}`);
    lines.push(`  ${t('report.label', { label: t('diff.by-remote') })}`);
    for (const row of rows(churn.byRemote)) lines.push(`    ${row}`);
  }
  if (options.verbose) {
    section('diff.connections-opened', diff.connectionsOpened.map((c) => `+ ${formatConnection(c, language)}`));
    section('diff.connections-closed', diff.connectionsClosed.map((c) => `- ${formatConnection(c, language)}`));
  }
  return redactText(`${lines.join('\n')}\n`);
}
