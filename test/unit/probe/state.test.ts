import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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

  it('saves and serves reports through the secrets policy, a file written unredacted by an older version too', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-state-'));
    dirs.push(dir);
    const secrets = ['SaveTok01xyz', 'OldPw02xyz', 'OldKey03xyz'];
    const file = await saveProbeReport(dir, { ...report('2026-11-24T10:00:00.000Z'), command: ['tool', '--token', secrets[0] as string] });
    expect(await readFile(file, 'utf8')).not.toContain(secrets[0]);
    await mkdir(path.join(dir, 'probes'), { recursive: true });
    const old = { ...report('2026-11-23T10:00:00.000Z'), command: ['sshpass', '-p', secrets[1] as string, 'tool'], error: `exit 1: VERTEX_ACCESS=${secrets[2]}` };
    await writeFile(path.join(dir, 'probes', 'old.json'), JSON.stringify(old));
    const served = JSON.stringify(await loadProbeReports(dir));
    for (const secret of secrets) expect(served).not.toContain(secret);
    expect(served).toContain('sshpass');
  });
});
