/** Size limits both sides of the UI<->main API enforce. */

const MiB = 1024 * 1024;

/**
 * The most characters of snapshot JSON that diffWithCurrent accepts (contract/api.ts). The UI
 * refuses a larger file before reading it: a file of at most this many bytes is never longer.
 */
export const SNAPSHOT_TEXT_LIMIT = 64 * MiB;

/** "64 MiB" */
export function formatMiB(bytes: number): string {
  return `${Math.round((bytes / MiB) * 10) / 10} MiB`;
}
