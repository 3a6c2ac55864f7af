/**
 * Writes a file so that readers see the old content or the new, never a torn one: a temp file in
 * the same directory (same filesystem, so rename is atomic), fsync, then rename over the target.
 */
import { randomBytes } from 'node:crypto';
import { open, rm, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, content: string, mode = 0o600): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      // The umask may have narrowed or the platform ignored the open mode; set it explicitly.
      await handle.chmod(mode);
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
