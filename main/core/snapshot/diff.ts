/** What changed between two snapshots: tools, endpoints, countries, inferences, signals, connections. */
import type { Inference, Snapshot, SnapshotDiff, Tool } from '../../../contract/snapshot.js';
import { diffIsEmpty } from '../../../common/diff.js';
import { formatConnection, formatEndpoint, formatValue } from '../../../common/format.js';
import { redactText } from '../secrets/policy.js';
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

  const inferencesA = new Map(a.inferences.map((i) => [inferenceKey(i), i]));
  const inferencesChanged = b.inferences.flatMap((after) => {
    const before = inferencesA.get(inferenceKey(after));
    return before && (before.confidence !== after.confidence || !sameEvidence(before, after)) ? [{ before, after }] : [];
  });

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
    inferencesAdded: onlyIn(b.inferences, a.inferences, inferenceKey),
    inferencesRemoved: onlyIn(a.inferences, b.inferences, inferenceKey),
    inferencesChanged,
    signalsChanged,
    connectionsOpened: onlyIn(b.connections, a.connections, connectionKey).map((c) => withOwnerName(c, processIndex(b))),
    connectionsClosed: onlyIn(a.connections, b.connections, connectionKey).map((c) => withOwnerName(c, processIndex(a))),
  };
}

/** The diff as plain text for the CLI: one "+"/"-"/"~" line per change. */
export function renderDiffText(diff: SnapshotDiff): string {
  const lines = [`Changes from ${diff.from} to ${diff.to}`];
  if (diffIsEmpty(diff)) return `${lines[0]}\nNo changes.\n`;
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', `${title}:`);
    // One push per item: a spread of a large snapshot's changes would overflow the stack.
    for (const item of items) lines.push(`  ${item}`);
  };
  section('Tools installed', diff.toolsAdded.map((id) => `+ ${id}`));
  section('Tools removed', diff.toolsRemoved.map((id) => `- ${id}`));
  section('Tools started', diff.toolsStarted.map((id) => `+ ${id}`));
  section('Tools stopped', diff.toolsStopped.map((id) => `- ${id}`));
  section('New endpoints', diff.endpointsAdded.map((e) => `+ ${e.endpoint}${e.toolId ? ` (${e.toolId})` : ''}`));
  section('New remote countries', diff.countriesAdded.map((country) => `+ ${country}`));
  const inference = (i: Inference) => `${i.id} = ${String(i.value)} [${i.confidence}]: ${i.statement}`;
  section('Inferences added', diff.inferencesAdded.map((i) => `+ ${inference(i)}`));
  section('Inferences removed', diff.inferencesRemoved.map((i) => `- ${inference(i)}`));
  section(
    'Inferences changed',
    diff.inferencesChanged.map(
      ({ before, after }) =>
        `~ ${after.id} = ${String(after.value)}: ${before.confidence} -> ${after.confidence}; evidence ${before.evidence.join(', ') || '(none)'} -> ${after.evidence.join(', ') || '(none)'}`,
    ),
  );
  section(
    'Signals changed',
    diff.signalsChanged.map((s) => `~ ${s.id}: ${formatValue(s.before)} -> ${formatValue(s.after)}`),
  );
  section('Connections opened', diff.connectionsOpened.map((c) => `+ ${formatConnection(c)}`));
  section('Connections closed', diff.connectionsClosed.map((c) => `- ${formatConnection(c)}`));
  return redactText(`${lines.join('\n')}\n`);
}
