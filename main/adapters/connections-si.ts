import si from 'systeminformation';
import { unownedNote } from '../core/connections/join.js';
import { describeProcess, type ProcessFacts } from '../core/connections/sampled-process.js';
import { fromSiConnections, fromSiProcesses } from '../core/connections/systeminformation.js';
import type { ConnectionSample, ConnectionSampler, ProcessHooks, SampledProcess } from '../core/connections/types.js';

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Cached {
  name: string;
  rawCommand: string;
  process: SampledProcess;
}

/**
 * Samples through systeminformation (netstat/ss on Linux, netstat + ps on macOS, netstat -ano on
 * Windows): the portable path, and the fallback. A failing call becomes a note, not a throw.
 * Processes are cached by pid, name and command line, which is all the redacted command and the
 * tool depend on (systeminformation's start time is recomputed from the elapsed time and jitters).
 */
export function createSiSampler(hooks: ProcessHooks): ConnectionSampler {
  let cache = new Map<number, Cached>();

  const processOf = (facts: ProcessFacts, next: Map<number, Cached>): SampledProcess => {
    const known = cache.get(facts.pid);
    let process: SampledProcess;
    if (known && known.name === facts.name && known.rawCommand === facts.rawCommand) {
      process = known.process.ppid === facts.ppid ? known.process : { ...known.process, ppid: facts.ppid };
    } else {
      process = describeProcess(facts, hooks);
    }
    next.set(facts.pid, { name: facts.name, rawCommand: facts.rawCommand, process });
    return process;
  };

  return {
    async sample(): Promise<ConnectionSample> {
      const notes: string[] = [];
      const [connectionsResult, processesResult] = await Promise.allSettled([si.networkConnections(), si.processes()]);
      const rawConnections = connectionsResult.status === 'fulfilled' ? connectionsResult.value : [];
      if (connectionsResult.status === 'rejected') notes.push(`networkConnections failed: ${reasonOf(connectionsResult.reason)}`);
      const facts = processesResult.status === 'fulfilled' ? fromSiProcesses(processesResult.value.list) : [];
      if (processesResult.status === 'rejected') notes.push(`processes failed: ${reasonOf(processesResult.reason)}`);

      const parsed = fromSiConnections(rawConnections);
      if (parsed.malformed > 0) notes.push(`${parsed.malformed} connection row(s) from systeminformation not understood`);
      if (process.platform === 'linux') notes.push('systeminformation on Linux lists no unconnected UDP sockets');

      const next = new Map<number, Cached>();
      const processes = facts.map((fact) => processOf(fact, next));
      // A pid the process list lacks (it failed, or the process is new) is still listed under the
      // name the connection row gave it.
      for (const [pid, name] of parsed.names) {
        if (!next.has(pid)) processes.push(processOf({ pid, ppid: null, name, rawCommand: '', startedAt: null }, next));
      }
      cache = next;
      const unowned = unownedNote(parsed.rows);
      if (unowned) notes.push(unowned);
      return { connections: parsed.rows, processes, source: 'systeminformation', notes };
    },
  };
}
