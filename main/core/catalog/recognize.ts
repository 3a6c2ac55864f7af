import type { ProcessInfo } from '../process.js';
import { TOOL_CATALOG } from './tools.js';
import type { ToolDefinition } from './types.js';

/** "Code.exe" and "code" are the same executable name; Windows and macOS names are case-insensitive. */
function normaliseName(name: string): string {
  return name.replace(/\.exe$/i, '').toLowerCase();
}

/**
 * The tool a process itself belongs to, or null. A command-line match (a package path, an app
 * bundle, an extension folder) is more specific than a name match, so it wins: a `code` process
 * started from the Copilot extension's folder is Copilot's.
 */
export function matchProcess(process: ProcessInfo, catalog: readonly ToolDefinition[] = TOOL_CATALOG): string | null {
  const byCommand = process.command
    ? catalog.find((tool) => tool.recognise.commandPatterns.some((pattern) => pattern.test(process.command)))
    : undefined;
  if (byCommand) return byCommand.id;
  const name = normaliseName(process.name);
  const byName = catalog.find((tool) => tool.recognise.processNames.some((n) => normaliseName(n) === name));
  return byName?.id ?? null;
}

/** The catalog tool a probed command line runs (`node …/claude.mjs`, `claude -p hi`), or null. */
export function matchCommand(argv: readonly string[], catalog: readonly ToolDefinition[] = TOOL_CATALOG): string | null {
  const name = (argv[0] ?? '').split(/[\\/]/).pop() ?? '';
  return matchProcess({ pid: 0, ppid: null, name, command: argv.join(' ') }, catalog);
}

/**
 * Which tools are running: toolId -> pids (ascending). A process belongs to the tool it matches
 * itself, else to the nearest recognised ancestor (a tool's shells, language servers and helpers
 * are the tool's). ppid cycles in a racy process table are cut. `ownTool` says which tool a process
 * is by itself; a sampler that caches it per process passes its cache instead of re-matching.
 */
export function recognizeRunning<P extends ProcessInfo>(
  processes: readonly P[],
  catalog: readonly ToolDefinition[] = TOOL_CATALOG,
  ownTool: (process: P) => string | null = (process) => matchProcess(process, catalog),
): Map<string, number[]> {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const own = new Map(processes.map((p) => [p.pid, ownTool(p)]));
  const owner = new Map<number, string | null>();

  const resolve = (start: ProcessInfo): string | null => {
    const chain: number[] = [];
    const seen = new Set<number>();
    let current: ProcessInfo | undefined = start;
    let found: string | null = null;
    while (current && !seen.has(current.pid)) {
      const known = owner.get(current.pid);
      if (known !== undefined) {
        found = known;
        break;
      }
      seen.add(current.pid);
      chain.push(current.pid);
      const direct = own.get(current.pid) ?? null;
      if (direct) {
        found = direct;
        break;
      }
      current = current.ppid === null ? undefined : byPid.get(current.ppid);
    }
    for (const pid of chain) owner.set(pid, found);
    return found;
  };

  const running = new Map<string, number[]>();
  for (const process of byPid.values()) {
    const toolId = resolve(process);
    if (toolId) running.set(toolId, [...(running.get(toolId) ?? []), process.pid]);
  }
  for (const pids of running.values()) pids.sort((a, b) => a - b);
  return running;
}
