/**
 * `telltale snapshot`: one sample, as a report fitted to the terminal (coloured on a TTY), JSON, or
 * an exported file.
 */
import path from 'node:path';
import { writeFileAtomic } from '../adapters/write-file-atomic.js';
import { exportSnapshot } from '../core/snapshot/export.js';
import { redactSnapshot } from '../core/snapshot/redact.js';
import { renderText } from '../core/snapshot/render-text.js';
import { appVersion } from '../adapters/app-version.js';
import { createSnapshotSource } from '../sample.js';
import { parse, UsageError, type CliIo } from './args.js';
import { commandLanguage } from './language.js';
import { translator } from '../../common/i18n/translate.js';
import { terminalStyle, terminalWidth } from './terminal.js';

const FORMATS = ['json', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

function formatFrom(raw: string | undefined, out: string | undefined): Format {
  if (raw !== undefined) {
    if (!(FORMATS as readonly string[]).includes(raw)) throw new UsageError({ id: 'usage.one-of', option: '--format', choices: FORMATS, value: raw });
    return raw as Format;
  }
  const ext = out ? path.extname(out).toLowerCase() : '';
  return ext === '.md' ? 'md' : ext === '.html' || ext === '.htm' ? 'html' : 'json';
}

export async function snapshotCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    json: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    'mask-hostname': { type: 'boolean' },
    'mask-username': { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
    'include-loopback': { type: 'boolean' },
    lang: { type: 'string' },
  });
  if (values.json && values.format && values.format !== 'json') throw new UsageError({ id: 'usage.options-disagree', first: '--json', second: `--format ${values.format}` });
  // `--out ""` (an unset shell variable) must not quietly print to stdout instead.
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError({ id: 'usage.needs-file-name', option: '--out' });
  const format = values.json ? 'json' : formatFrom(values.format, values.out);
  // The reports' language (JSON is the same in every language).
  const language = commandLanguage(values.lang, io);
  const source = createSnapshotSource();
  const snapshot = await source.take();
  const redaction = source.redaction(snapshot, {
    maskHostname: values['mask-hostname'] ?? false,
    maskUsername: values['mask-username'] ?? false,
  });
  const report = { version: appVersion(), includeLoopback: values['include-loopback'] ?? false, language };
  if (values.out !== undefined) {
    await writeFileAtomic(values.out, exportSnapshot(snapshot, format, redaction, report).content);
    io.stderr.write(`telltale: ${translator(language)('cli.snapshot.wrote', { format, file: values.out })}\n`);
  } else if (values.json || values.format) {
    io.stdout.write(exportSnapshot(snapshot, format, redaction, report).content);
  } else {
    const text = renderText(redactSnapshot(snapshot, redaction), {
      ...report,
      signals: values.verbose ? 'all' : 'relevant',
      width: terminalWidth(io.stdout),
      style: terminalStyle(io.stdout),
    });
    io.stdout.write(text);
  }
  return 0;
}
