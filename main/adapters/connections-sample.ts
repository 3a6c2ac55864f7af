import { accessSync, constants } from 'node:fs';
import type { ConnectionSample, ConnectionSampler, ProcessHooks } from '../core/connections/types.js';
import { createProcfsSampler } from './connections-procfs.js';

export type { ConnectionSample, ConnectionSampler } from '../core/connections/types.js';

export interface ConnectionSamplerOptions extends ProcessHooks {
  /** "native" (default): procfs on Linux when /proc is readable; "systeminformation": always the portable path. */
  prefer?: 'native' | 'systeminformation';
}

function procfsReadable(): boolean {
  try {
    accessSync('/proc/net/tcp', constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A sampler of every socket with its owning process, and every process, to keep across samples.
 * Uses procfs on Linux, else (or for a sample where procfs fails) systeminformation; `source`
 * says which, `notes` what could not be seen.
 */
export function createConnectionSampler(options: ConnectionSamplerOptions): ConnectionSampler {
  const hooks: ProcessHooks = { redact: options.redact, matchTool: options.matchTool };
  const wantNative = (options.prefer ?? 'native') === 'native';
  const native = wantNative && process.platform === 'linux' && procfsReadable() ? createProcfsSampler(hooks) : null;
  let portable: ConnectionSampler | null = null;
  // systeminformation is large and Linux rarely needs it: loaded only when it is the path taken.
  const fallback = async () => (portable ??= (await import('./connections-si.js')).createSiSampler(hooks));

  return {
    ...(native && {
      processOf: (pid: number, comm: string) => native.processOf(pid, comm),
      pollSockets: () => native.pollSockets(),
    }),
    async sample(): Promise<ConnectionSample> {
      if (!native) return (await fallback()).sample();
      try {
        return await native.sample();
      } catch (error) {
        const sample = await (await fallback()).sample();
        const reason = error instanceof Error ? error.message : String(error);
        return { ...sample, notes: [`procfs sampling failed (${reason}); used systeminformation`, ...sample.notes] };
      }
    },
  };
}
