/**
 * The in-process sampler that bench/sample.ts and bench/cmdline.ts measure. To benchmark another
 * sampler (e.g. the incremental one of issue 8), change this one import: anything with
 * `take(): Promise<...>` works; a result with `timings` (as Snapshot has) adds a per-stage note.
 */
import { createSnapshotSource } from '../main/sample.js';

export interface Sampler {
  take(): Promise<unknown>;
}

export const samplerName = 'createSnapshotSource().take() (main/sample.ts)';

export function createSampler(): Sampler {
  return createSnapshotSource();
}
