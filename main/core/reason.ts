/** Reasons (contract/reason.ts) as a sampler passes them on. */
import type { ReasonCause } from '../../contract/reason.js';

/**
 * The reason named by the file as the snapshot shows it (home-relative, "~/.npmrc"): Io names the
 * absolute path it read, a parser no file at all.
 */
export function namingFile(reason: ReasonCause, file: string): ReasonCause {
  if ('path' in reason) return { ...reason, path: file };
  if ('format' in reason) return { ...reason, file };
  return reason;
}
