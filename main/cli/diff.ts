/** `telltale diff A.json B.json [--verbose]`: what changed between two exported snapshots. */
import type { Snapshot } from '../../contract/snapshot.js';
import { renderReason } from '../../common/i18n/render-reason.js';
import type { Language } from '../../common/i18n/languages.js';
import { translator } from '../../common/i18n/translate.js';
import { readRegularFile } from '../adapters/read-regular-file.js';
import { diffNames, diffSnapshots, renderDiffText } from '../core/snapshot/diff.js';
import { parseSnapshotJson } from '../core/snapshot/validate.js';
import { parse, UsageError, type CliIo } from './args.js';
import { commandLanguage } from './language.js';

/** Far above a real export (a busy machine's snapshot is a few MB); a FIFO or device is refused, never read. */
const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

async function readSnapshotFile(file: string, language: Language): Promise<Snapshot> {
  const read = await readRegularFile(file, MAX_SNAPSHOT_BYTES);
  if (!read.ok) throw new Error(renderReason(read.reason, language));
  const parsed = parseSnapshotJson(read.bytes.toString('utf8'));
  if (!parsed.ok) throw new Error(`${translator(language)('diff.not-a-snapshot', { file })}\n  ${parsed.errors.join('\n  ')}`);
  return parsed.snapshot;
}

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' }, lang: { type: 'string' } }, true);
  if (positionals.length !== 2) throw new UsageError({ id: 'usage.two-files', command: 'diff', example: 'telltale diff A.json B.json' });
  const language = commandLanguage(values.lang, io);
  const [a, b] = (await Promise.all(positionals.map((file) => readSnapshotFile(file, language)))) as [Snapshot, Snapshot];
  const diff = diffSnapshots(a, b);
  const text = () => renderDiffText(diff, { ...diffNames(a, b, language), verbose: values.verbose ?? false, language });
  io.stdout.write(values.json ? `${JSON.stringify(diff, null, 2)}\n` : `${text()}\n`);
  return 0;
}
