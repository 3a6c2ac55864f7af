/**
 * `telltale`: the headless face of the app. Every subcommand uses the same core as the Electron
 * shell; only output differs. Exit codes: 0 ok, 1 failure, 2 usage error.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { interruptSignal } from './adapters/interrupt.js';
import { writeFileAtomic } from './adapters/write-file-atomic.js';
import { diffIsEmpty } from '../common/diff.js';
import { exportFormatOfFile } from '../common/export-formats.js';
import { diffSnapshots, renderDiffText } from './core/snapshot/diff.js';
import { exportSnapshot } from './core/snapshot/export.js';
import { renderText } from './core/snapshot/render-text.js';
import { parseSnapshotJson } from './core/snapshot/validate.js';
import { redactSnapshot } from './core/snapshot/redact.js';
import { runProbe } from './probe/cli.js';
import { runTap } from './tap/cli.js';
import { createSnapshotSource } from './sample.js';
import { startServer } from './server/server.js';
import { createApiHandlers } from './service/api-handlers.js';
import { Monitor } from './service/monitor.js';
import { ExportFormat } from '../contract/api.js';
import type { Snapshot } from '../contract/snapshot.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = `Usage: telltale <command> [options]

Commands:
  snapshot [--json] [--out FILE] [--format json|md|html] [--mask-hostname] [--mask-username]
                       sample this machine once; print a report (or JSON), or write it to FILE
  watch [--interval SECONDS] [--count N] [--json]
                       sample repeatedly and print what changed, until interrupted
  diff A.json B.json [--json]
                       what changed between two exported snapshots
  serve [--port N] [--interval SECONDS]
                       serve the UI on 127.0.0.1 with a per-launch token
  tap [--port N] [--capture-dir DIR] [--forward]
                       a loopback relay that records what a tool sends to its model API
  probe [options] -- <tool command...>
                       run a tool under controlled environments and report what changes
  help                 this text

Telltale makes no network connection except on loopback and sends nothing anywhere.`;

class UsageError extends Error {}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function positiveNumber(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, got "${raw}"`);
  return n;
}

function formatFrom(raw: string | undefined, out: string | undefined): ExportFormat {
  if (raw !== undefined) {
    const known = ExportFormat.safeParse(raw);
    if (!known.success) throw new UsageError(`--format must be one of ${ExportFormat.options.join(', ')}`);
    return known.data;
  }
  return out ? exportFormatOfFile(out) : 'json';
}

async function snapshotCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    json: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    'mask-hostname': { type: 'boolean' },
    'mask-username': { type: 'boolean' },
  });
  if (values.json && values.format && values.format !== 'json') throw new UsageError('--json and --format disagree');
  const format = values.json ? 'json' : formatFrom(values.format, values.out);
  const source = createSnapshotSource();
  const snapshot = await source.take();
  const redaction = source.redaction(snapshot, {
    maskHostname: values['mask-hostname'] ?? false,
    maskUsername: values['mask-username'] ?? false,
  });
  if (values.out) {
    await writeFileAtomic(values.out, exportSnapshot(snapshot, format, redaction).content);
    io.stderr.write(`telltale: wrote ${format} snapshot to ${values.out}\n`);
  } else if (values.json || values.format) {
    io.stdout.write(exportSnapshot(snapshot, format, redaction).content);
  } else {
    io.stdout.write(renderText(redactSnapshot(snapshot, redaction)));
  }
  return 0;
}

async function watchCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parse(args, {
    interval: { type: 'string', short: 'i' },
    count: { type: 'string', short: 'n' },
    json: { type: 'boolean' },
  });
  const intervalMs = positiveNumber(values.interval, '--interval', 2) * 1000;
  const count = values.count === undefined ? Infinity : positiveNumber(values.count, '--count', 1);
  if (!Number.isInteger(count) && count !== Infinity) throw new UsageError('--count must be a whole number');
  const source = createSnapshotSource();
  let previous: Snapshot | null = null;
  for (let i = 0; i < count && !signal.aborted; i++) {
    if (i > 0) await sleep(intervalMs, signal);
    if (signal.aborted) break;
    const current = await source.take();
    if (!previous) {
      io.stdout.write(
        values.json
          ? `${JSON.stringify({ type: 'snapshot', snapshot: current })}\n`
          : `[${current.takenAt}] first sample: ${current.signals.length} signals, ${current.connections.length} connections, ` +
              `${current.tools.filter((t) => t.running).length} tools running, exposure ${current.exposure?.level ?? 'none'}\n`,
      );
    } else {
      const diff = diffSnapshots(previous, current);
      if (values.json) io.stdout.write(`${JSON.stringify({ type: 'diff', diff })}\n`);
      else if (!diffIsEmpty(diff)) io.stdout.write(`[${current.takenAt}]\n${renderDiffText(diff)}\n`);
    }
    previous = current;
  }
  return 0;
}

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

async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, true);
  if (positionals.length !== 2) throw new UsageError('diff takes two snapshot files: telltale diff A.json B.json');
  const [a, b] = await Promise.all(positionals.map(readSnapshotFile));
  const diff = diffSnapshots(a as Snapshot, b as Snapshot);
  io.stdout.write(values.json ? `${JSON.stringify(diff, null, 2)}\n` : `${renderDiffText(diff)}\n`);
  return 0;
}

async function serveCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parse(args, {
    port: { type: 'string', short: 'p' },
    interval: { type: 'string', short: 'i' },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got "${values.port}"`);
  const intervalMs = positiveNumber(values.interval, '--interval', 5) * 1000;
  const source = createSnapshotSource();
  const monitor = new Monitor({ takeSnapshot: () => source.take(), intervalMs });
  const handlers = createApiHandlers({ monitor, ...source.apiDeps() });
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const server = await startServer({ port, staticDir, handlers, monitor });
  monitor.start();
  io.stdout.write(`Telltale is serving on ${server.url}\n(loopback only; the token in the URL is required; Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  monitor.stop();
  await server.close();
  return 0;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

export async function main(argv: string[], io: CliIo = process): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'snapshot':
        return await snapshotCommand(rest, io);
      case 'watch':
        return await watchCommand(rest, io, interruptSignal());
      case 'diff':
        return await diffCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io, interruptSignal());
      case 'tap':
        return await runTap(rest, io);
      case 'probe':
        return await runProbe(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(`${USAGE}\n`);
        return 0;
      case undefined:
        io.stderr.write(`${USAGE}\n`);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`telltale: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr.write(`telltale: ${(error as Error).message}\n`);
    return 1;
  }
}
