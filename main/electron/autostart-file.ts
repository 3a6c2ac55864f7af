/** Writes or removes the Linux autostart entry (autostart-entry.ts builds it); no electron import, so it is tested on real files. */
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../adapters/write-file-atomic.js';
import { autostartEntry } from './autostart-entry.js';

/** `command` null removes the entry (a missing one is fine). */
export async function setAutostartEntry(file: string, command: readonly string[] | null): Promise<void> {
  if (command === null) return rm(file, { force: true });
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, autostartEntry(command), 0o644);
}
