/**
 * `telltale`: the headless face of the app. Every subcommand uses the same core as the Electron
 * shell; only output differs. Exit codes: 0 ok, 1 failure, 2 usage error.
 *
 * Each command's module is imported only when that command runs: `telltale --help` (or a usage
 * error) loads no sampler, server or probe code.
 */
import { interruptSignal } from './adapters/interrupt.js';
import { UsageError, type CliIo } from './cli/args.js';

const USAGE = `Usage: telltale <command> [options]

Commands:
  snapshot [--json] [--out FILE] [--format json|md|html] [--mask-hostname] [--mask-username]
           [--verbose] [--include-loopback] [--lang en|zh-CN]
                       sample this machine once; print a report (or JSON), or write it to FILE;
                       --verbose lists every signal; loopback sockets are listed only on request
  watch [--interval SECONDS] [--count N] [--json] [--precise] [--lang en|zh-CN]
                       sample repeatedly and print what changed as it happens, until interrupted,
                       with the TCP connections tools attempt between samples (polled every 0.5 s;
                       --precise, Linux: every one, via tracefs as root or the capture helper)
  whatif [--unset VAR]... [--tz ZONE] [--locale en_US.UTF-8] [--drop-mirror npm|pip|go|...]
         [--hide-git-email] [--base-url VAR=URL] [--json] [--lang en|zh-CN]
                       what the tools could infer now and with those changes, side by side
  diff A.json B.json [--verbose] [--json] [--lang en|zh-CN]
                       what changed between two exported snapshots (--verbose: every socket)
  serve [--port N] [--interval SECONDS] [--precise] [--lang en|zh-CN]
                       serve the UI on 127.0.0.1 with a per-launch token; --lang overrides
                       the language setting and the locale (LC_ALL, LC_MESSAGES, LANG)
  capture [--user UID] [--socket PATH]
                       (as root, e.g. \`sudo telltale capture\`) capture every TCP connection via
                       tracefs and stream it to that user's socket, for an unprivileged Telltale
  tap [--port N] [--capture-dir DIR] [--forward]
                       a loopback relay that records what a tool sends to its model API
  probe [options] -- <tool command...>
                       run a tool under controlled environments and report what changes
  history [--since 1h|24h|7d] [--tool ID] [--kind K] [--json] [--lang en|zh-CN]
                       past events, newest first (K: connection, attempt, tool, signal,
                       inference, exposure); read from the history the monitor keeps
  history endpoints [--tool ID] [--json] [--lang en|zh-CN]
                       what each tool talked to: address, host, country, org, first and last seen
  history points [--limit N] [--json] [--lang en|zh-CN]
                       the snapshots the history kept (whenever the exposure or the inferences
                       changed), newest first, with their verdicts (default: the last 50)
  fleet osquery-config [--platform linux|darwin|windows]
                       an osquery ATC config that reads the history as tables (for Fleet, Kolide)
  help                 this text

--lang chooses the language of reports and printed findings (this help is in English); without
it the \`language\` setting, then LC_ALL, LC_MESSAGES and LANG decide. JSON is the same in any language.

Telltale makes no network connection except on loopback and sends nothing anywhere.`;

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
  try {
    if (command === undefined) {
      io.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (command === 'help' || command === '--help' || command === '-h') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return await run(rest, io);
  } catch (error) {
    // Messages can quote what the user typed or a config line; loaded here so --help stays light.
    const { redactText } = await import('./core/secrets/policy.js');
    if (error instanceof UsageError) {
      io.stderr.write(`telltale: ${redactText(error.message)}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr.write(`telltale: ${redactText((error as Error).message)}\n`);
    return 1;
  }
}
