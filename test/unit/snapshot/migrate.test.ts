/**
 * A real version 1 export (written by Telltale 0.1's `telltale snapshot --out` with a HOME holding
 * git, npm, pip, Claude Code and Codex configs, TZ and proxy variables set, and a process holding
 * connections; the connection list trimmed to seven rows) read through the one migration path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../../contract/snapshot.js';
import { SnapshotV1 } from '../../../contract/snapshot-v1.js';
import { keyOfV1Signal } from '../../../main/core/snapshot/migrate.js';
import { parseSnapshotJson, validateSnapshot } from '../../../main/core/snapshot/validate.js';
import { diffSnapshots } from '../../../main/core/snapshot/diff.js';

const text = readFileSync(new URL('../../fixtures/snapshot/v1-export.json', import.meta.url), 'utf8');
const v1 = SnapshotV1.parse(JSON.parse(text));

function migrated(): Snapshot {
  const result = parseSnapshotJson(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.snapshot;
}

describe('reading a version 1 export', () => {
  it('gives a valid version 2 snapshot with every signal typed', () => {
    const snapshot = migrated();
    expect(snapshot.schemaVersion).toBe(2);
    expect(Snapshot.safeParse(snapshot).success).toBe(true);
    expect(snapshot.signals).toHaveLength(v1.signals.length);
    expect(snapshot.signals.filter((s) => s.kind === 'legacy')).toEqual([]);
    expect(new Set(snapshot.signals.map((s) => s.id)).size).toBe(snapshot.signals.length);
  });

  it('decodes each kind of id into its key', () => {
    const byKind = (kind: string) => migrated().signals.filter((s) => s.kind === kind).map((s) => s.key);
    expect(byKind('proxy')).toContainEqual({ source: 'env', variable: 'HTTPS_PROXY' });
    expect(byKind('proxy')).toContainEqual({ source: 'effective', scheme: 'https' });
    expect(byKind('proxy')).toContainEqual({ source: 'system', system: 'gnome', setting: 'mode' });
    expect(byKind('timezone')).toContainEqual({ source: 'resolved' });
    expect(byKind('locale')).toContainEqual({ variable: 'LANG' });
    expect(byKind('identity')).toContainEqual({ field: 'git-email' });
    expect(byKind('registry')).toContainEqual({ ecosystem: 'npm', setting: 'scope', scope: '@corp' });
    expect(byKind('registry')).toContainEqual({ ecosystem: 'pip', setting: 'extra' });
    expect(byKind('model-endpoint')).toContainEqual({ variable: 'ANTHROPIC_BASE_URL' });
    expect(byKind('tool-setting')).toContainEqual({
      toolId: 'claude-code',
      setting: 'base-url',
      name: 'env.ANTHROPIC_BASE_URL',
      file: '~/.claude/settings.json',
    });
    expect(byKind('system')).toContainEqual({ part: 'connections' });
  });

  it('keeps inferences and checks pointing at signals that exist', () => {
    const snapshot = migrated();
    const ids = new Set(snapshot.signals.map((s) => s.id));
    expect(snapshot.inferences.map((i) => i.id)).toEqual(v1.inferences.map((i) => i.id));
    for (const item of [...snapshot.inferences, ...(snapshot.checks ?? [])]) {
      for (const id of item.evidence) expect(ids.has(id), `${id} is a signal`).toBe(true);
    }
  });

  it('lists each owning process once and connections by pid only', () => {
    const snapshot = migrated();
    const owned = v1.connections.filter((c) => c.pid !== null);
    expect(owned.length).toBeGreaterThan(0);
    for (const connection of snapshot.connections) {
      expect(connection).not.toHaveProperty('process');
      expect(connection).not.toHaveProperty('command');
    }
    for (const old of owned) {
      const process = snapshot.processes.find((p) => p.pid === old.pid);
      expect(process?.name).toBe(old.process);
      expect(process?.command).toBe(old.command);
    }
    expect(new Set(snapshot.processes.map((p) => p.pid)).size).toBe(snapshot.processes.length);
    expect(snapshot.connections.filter((c) => c.pid === null).every((c) => c.ownerUnknown === 'not-reported')).toBe(true);
  });

  it('compares with a current snapshot without reporting every signal as changed', () => {
    const before = migrated();
    const after = { ...before, takenAt: new Date().toISOString() };
    const diff = diffSnapshots(before, after);
    expect(diff.signalsChanged).toEqual([]);
    expect(diff.connectionsOpened).toEqual([]);
  });

  it('refuses a version newer than it reads, and unknown v1 ids survive as legacy signals', () => {
    const newer = validateSnapshot({ ...JSON.parse(text), schemaVersion: 3 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.errors[0]).toMatch(/newer than this Telltale reads/);
    const odd = { ...v1.signals[0]!, id: 'vendor.future.thing' };
    expect(keyOfV1Signal(odd, 'linux')).toBeNull();
    const withOdd = validateSnapshot({ ...JSON.parse(text), signals: [...v1.signals, odd] });
    expect(withOdd.ok && withOdd.snapshot.signals.at(-1)).toMatchObject({ kind: 'legacy', key: { id: 'vendor.future.thing' } });
  });
});
