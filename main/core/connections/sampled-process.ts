import type { ProcessHooks, SampledProcess } from './types.js';

/** What a sampler reads about a process before the derived fields are computed. */
export interface ProcessFacts {
  pid: number;
  ppid: number | null;
  name: string;
  rawCommand: string;
  startedAt: string | null;
  user?: string | null;
}

/**
 * A SampledProcess: the redacted command and the process's own tool computed from the facts.
 * The hooks are costly on long command lines (a 128 KB argv), so samplers call this once per
 * process lifetime and reuse the result.
 */
export function describeProcess(facts: ProcessFacts, hooks: ProcessHooks): SampledProcess {
  const { pid, ppid, name, rawCommand, startedAt, user } = facts;
  return {
    pid,
    ppid,
    name,
    command: rawCommand === '' ? '' : hooks.redact(rawCommand),
    rawCommand,
    ownToolId: hooks.matchTool({ pid, ppid, name, command: rawCommand }),
    startedAt,
    ...(user === undefined ? {} : { user }),
  };
}
