/** `telltale diff A.json B.json`: what changed between two exported snapshots. */
import { readFile } from 'node:fs/promises';
import type { Snapshot } from '../../contract/snapshot.js';
import { diffSnapshots, renderDiffText } from '../core/snapshot/diff.js';
import { parseSnapshotJson } from '../core/snapshot/validate.js';
import { parse, UsageError, type CliIo } from './args.js';

async function readSnapshotFile(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = parseSnapshotJson(text);
  if (!parsed.ok) throw new Error(`${file} is not a Telltale snapshot:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.snapshot;
}

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, true);
  if (positionals.length !== 2) throw new UsageError('diff takes two snapshot files: telltale diff A.json B.json');
  const [a, b] = await Promise.all(positionals.map(readSnapshotFile));
  const diff = diffSnapshots(a as Snapshot, b as Snapshot);
  io.stdout.write(values.json ? `${JSON.stringify(diff, null, 2)}\n` : `${renderDiffText(diff)}\n`);
  return 0;
}
