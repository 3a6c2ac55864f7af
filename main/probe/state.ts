/** Probe reports kept in the state dir (so the app and snapshots can show them) and read back. */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ProbeReport } from '../../contract/snapshot.js';
import { systemIo } from '../adapters/system-io.js';
import type { Io } from '../core/context.js';
import { redactDeep } from '../core/secrets/policy.js';

/** The secrets policy over a whole report: on the way to disk and on the way back out of it. */
const redactReport = (report: ProbeReport): ProbeReport => ProbeReport.parse(redactDeep(report));

const probesDir = (stateDir: string): string => path.join(stateDir, 'probes');

/** Writes the report as probes/<startedAt>.json (dir 0700, file 0600); returns the file path. */
export async function saveProbeReport(stateDir: string, report: ProbeReport): Promise<string> {
  const dir = probesDir(stateDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const file = path.join(dir, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(redactReport(report), null, 2)}\n`, { mode: 0o600 });
  return file;
}

/**
 * All saved reports, newest first, redacted (a file written by an older version, or by hand, is
 * shown through today's policy); unreadable or invalid files are skipped. Reads through an Io so
 * the monitor can re-read them only when the folder or a report changed.
 */
export async function loadProbeReports(stateDir: string, io: Io = systemIo): Promise<ProbeReport[]> {
  const dir = probesDir(stateDir);
  const listing = await io.listDir(dir);
  if (!listing.ok) return [];
  const reports: ProbeReport[] = [];
  for (const name of listing.value.filter((n) => n.endsWith('.json'))) {
    const text = await io.readText(path.join(dir, name));
    try {
      const parsed = text.ok ? ProbeReport.safeParse(JSON.parse(text.value)) : null;
      if (parsed?.success) reports.push(redactReport(parsed.data));
    } catch {
      // A half-written or foreign file is not a report.
    }
  }
  return reports.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
