/**
 * Connection churn between two snapshots in counts (per tool or process, per remote host), so a
 * busy machine's thousands of opened and closed sockets read as a few rows, in the CLI and the UI.
 */
import type { NamedConnection, SnapshotDiff } from '../contract/snapshot.js';
import type { Language } from './i18n/languages.js';
import { translator, type Translate } from './i18n/translate.js';
import { countryLabel } from './overview.js';

export interface ChurnRow {
  /** A tool's name, "node (no tool)", or a remote host or address with its country. */
  label: string;
  opened: number;
  closed: number;
}

export interface ConnectionChurn {
  opened: number;
  closed: number;
  /** Most churn first, ties by label. */
  byTool: ChurnRow[];
  byRemote: ChurnRow[];
}

function owner(c: NamedConnection, toolName: (id: string) => string, t: Translate): string {
  if (c.toolId) return toolName(c.toolId);
  return c.process ? t('churn.no-tool', { process: c.process }) : t('format.no-process');
}

function remote(c: NamedConnection, language: Language, t: Translate): string {
  if (c.remoteAddress === null) return t('churn.unconnected');
  const where = c.remote?.host ?? c.remoteAddress;
  return c.remote?.country ? t('churn.remote-in', { remote: where, country: countryLabel(c.remote.country, language) }) : where;
}

function tally(opened: readonly NamedConnection[], closed: readonly NamedConnection[], key: (c: NamedConnection) => string): ChurnRow[] {
  const rows = new Map<string, ChurnRow>();
  const row = (label: string): ChurnRow => {
    const found = rows.get(label);
    if (found) return found;
    const created = { label, opened: 0, closed: 0 };
    rows.set(label, created);
    return created;
  };
  for (const c of opened) row(key(c)).opened += 1;
  for (const c of closed) row(key(c)).closed += 1;
  return [...rows.values()].sort((a, b) => b.opened + b.closed - (a.opened + a.closed) || a.label.localeCompare(b.label));
}

export function connectionChurn(
  diff: Pick<SnapshotDiff, 'connectionsOpened' | 'connectionsClosed'>,
  toolName: (id: string) => string,
  language: Language,
): ConnectionChurn {
  const t = translator(language);
  const { connectionsOpened: opened, connectionsClosed: closed } = diff;
  return {
    opened: opened.length,
    closed: closed.length,
    byTool: tally(opened, closed, (c) => owner(c, toolName, t)),
    byRemote: tally(opened, closed, (c) => remote(c, language, t)),
  };
}

/** "+3 -1", "+3", "-1". */
export function churnCounts(row: Pick<ChurnRow, 'opened' | 'closed'>): string {
  return [row.opened ? `+${row.opened}` : '', row.closed ? `-${row.closed}` : ''].filter(Boolean).join(' ');
}
