/** Probe reports kept in the state dir (so the app and snapshots can show them) and read back. */
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ProbeReport } from '../../contract/snapshot.js';

const probesDir = (stateDir: string): string => path.join(stateDir, 'probes');

/** Writes the report as probes/<startedAt>.json (dir 0700, file 0600); returns the file path. */
export async function saveProbeReport(stateDir: string, report: ProbeReport): Promise<string> {
  const dir = probesDir(stateDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const file = path.join(dir, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/** All saved reports, newest first; unreadable or invalid files are skipped. */
export async function loadProbeReports(stateDir: string): Promise<ProbeReport[]> {
  const dir = probesDir(stateDir);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const reports: ProbeReport[] = [];
  for (const name of names) {
    try {
      const parsed = ProbeReport.safeParse(JSON.parse(await readFile(path.join(dir, name), 'utf8')));
      if (parsed.success) reports.push(parsed.data);
    } catch {
      // A half-written or foreign file is not a report.
    }
  }
  return reports.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
