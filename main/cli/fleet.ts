/** `telltale fleet osquery-config [--platform linux|darwin|windows]`: the osquery ATC config for the history. */
import { OSQUERY_PLATFORMS, osqueryConfig, osqueryPlatformOf, type OsqueryPlatform } from '../core/history/osquery-config.js';
import { parse, UsageError, type CliIo } from './args.js';

const isPlatform = (value: string): value is OsqueryPlatform => (OSQUERY_PLATFORMS as readonly string[]).includes(value);

export async function fleetCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'osquery-config') {
    const choices = ['osquery-config'];
    throw new UsageError(sub ? { id: 'usage.subcommand-got', command: 'fleet', choices, value: sub } : { id: 'usage.subcommand', command: 'fleet', choices });
  }
  const { values } = parse(rest, { platform: { type: 'string' } });
  const platform = values.platform ?? osqueryPlatformOf(process.platform) ?? 'linux';
  if (!isPlatform(platform)) throw new UsageError({ id: 'usage.one-of', option: '--platform', choices: OSQUERY_PLATFORMS, value: platform });
  io.stdout.write(`${JSON.stringify(osqueryConfig(platform), null, 2)}\n`);
  return 0;
}
