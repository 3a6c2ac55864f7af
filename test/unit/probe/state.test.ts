import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbeReport } from '../../../contract/snapshot.js';
import { loadProbeReports, saveProbeReport } from '../../../main/probe/state.js';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

const report = (startedAt: string): ProbeReport => ({
  command: ['tool'],
  startedAt,
  finishedAt: startedAt,
  runsPerVariant: 2,
  requestsCaptured: 0,
  noise: [],
  factors: [],
  summary: 'x',
});

describe('probe reports in the state dir', () => {
  it('saves reports owner-only and loads them back newest first, skipping junk', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-state-'));
    dirs.push(dir);
    const file = await saveProbeReport(dir, report('2026-11-24T10:00:00.000Z'));
    await saveProbeReport(dir, report('2026-11-25T10:00:00.000Z'));
    await writeFile(path.join(dir, 'probes', 'broken.json'), '{not json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir, 'probes'))).mode & 0o777).toBe(0o700);
    expect(await readdir(path.join(dir, 'probes'))).toHaveLength(3);
    const loaded = await loadProbeReports(dir);
    expect(loaded.map((r) => r.startedAt)).toEqual(['2026-11-25T10:00:00.000Z', '2026-11-24T10:00:00.000Z']);
    expect(await loadProbeReports(path.join(dir, 'missing'))).toEqual([]);
  });
});
