/**
 * `telltale`: the headless face of the app. Every subcommand uses the same core as the Electron
 * shell; only output differs. Exit codes: 0 ok, 1 failure, 2 usage error.
 *
 * Each command's module is imported only when that command runs: `telltale --help` (or a usage
 * error) loads no sampler, server or probe code.
 */
import { interruptSignal } from './adapters/interrupt.js';
import { UsageError, type CliIo } from './cli/args.js';
import { helpLanguage, telltaleHelp } from './cli/help.js';
import { renderUsage } from './cli/usage-message.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  snapshot: async (args, io) => (await import('./cli/snapshot.js')).snapshotCommand(args, io),
  watch: async (args, io) => (await import('./cli/watch.js')).watchCommand(args, io, interruptSignal()),
  diff: async (args, io) => (await import('./cli/diff.js')).diffCommand(args, io),
  whatif: async (args, io) => (await import('./cli/whatif.js')).whatifCommand(args, io),
  serve: async (args, io) => (await import('./cli/serve.js')).serveCommand(args, io, interruptSignal()),
  capture: async (args, io) => (await import('./cli/capture.js')).captureCommand(args, io, interruptSignal()),
  tap: async (args, io) => (await import('./tap/cli.js')).runTap(args, io),
  probe: async (args, io) => (await import('./probe/cli.js')).runProbe(args, io),
  history: async (args, io) => (await import('./cli/history.js')).historyCommand(args, io),
  fleet: async (args, io) => (await import('./cli/fleet.js')).fleetCommand(args, io),
};

export async function main(argv: string[], io: CliIo = process): Promise<number> {
  const [command, ...rest] = argv;
  // Help and usage errors speak a valid --lang, else the locale (see help.ts).
  const language = helpLanguage(argv);
  try {
    if (command === undefined) {
      io.stderr.write(`${telltaleHelp(language)}\n`);
      return 2;
    }
    if (command === 'help' || command === '--help' || command === '-h') {
      io.stdout.write(`${telltaleHelp(language)}\n`);
      return 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError({ id: 'usage.unknown-command', command });
    return await run(rest, io);
  } catch (error) {
    // Messages can quote what the user typed or a config line; loaded here so --help stays light.
    const { redactText } = await import('./core/secrets/policy.js');
    if (error instanceof UsageError) {
      io.stderr.write(`telltale: ${redactText(renderUsage(error.usage, language))}\n\n${telltaleHelp(language)}\n`);
      return 2;
    }
    io.stderr.write(`telltale: ${redactText((error as Error).message)}\n`);
    return 1;
  }
}
