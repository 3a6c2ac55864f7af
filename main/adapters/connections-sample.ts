import { accessSync, constants } from 'node:fs';
import type { ConnectionSample } from '../core/connections/types.js';
import { sampleProcfs } from './connections-procfs.js';
import { sampleSystemInformation } from './connections-si.js';

export type { ConnectionSample } from '../core/connections/types.js';

export interface SampleConnectionsOptions {
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
 * Every socket with its owning process, and every process. Uses procfs on Linux, else (or when
 * procfs fails) systeminformation; `source` says which, `notes` what could not be seen.
 */
export async function sampleConnections(options: SampleConnectionsOptions = {}): Promise<ConnectionSample> {
  const wantNative = (options.prefer ?? 'native') === 'native';
  if (wantNative && process.platform === 'linux' && procfsReadable()) {
    try {
      return await sampleProcfs();
    } catch (error) {
      const fallback = await sampleSystemInformation();
      const reason = error instanceof Error ? error.message : String(error);
      return { ...fallback, notes: [`procfs sampling failed (${reason}); used systeminformation`, ...fallback.notes] };
    }
  }
  return sampleSystemInformation();
}
