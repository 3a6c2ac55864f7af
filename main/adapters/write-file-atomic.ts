/**
 * Writes a file so that readers see the old content or the new, never a torn one: a temp file in
 * the same directory (same filesystem, so rename is atomic), fsync, then rename over the target.
 *
 * The temp file is removed on every failure path; one left by a run that was killed (kill -9, power
 * loss) is removed by the next write to the same target, once the process that made it is gone.
 * An existing target that is not a regular file is refused: a symlink is not replaced by a file nor
 * written through (the link may point anywhere, e.g. planted in a shared folder), and a FIFO or
 * device is not swapped out. The message says so; the caller can give the real path.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, rm, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The target exists and is not a regular file (symlink, directory, FIFO, device, socket). */
export class TargetRefused extends Error {}

const tempName = (name: string, pid: number, tag: string) => `.${name}.${pid}.${tag}.tmp`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temp files of earlier writes to `path` whose process has exited. */
async function removeStaleTemps(path: string): Promise<void> {
  const name = basename(path);
  let entries: string[];
  try {
    entries = await readdir(dirname(path));
  } catch {
    return; // The write itself will say why the folder is unusable.
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const match = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(entry.slice(prefix.length));
    const pid = match ? Number(match[1]) : NaN;
    if (Number.isSafeInteger(pid) && pid !== process.pid && !alive(pid)) await rm(join(dirname(path), entry), { force: true });
  }
}

async function refuseSpecialTarget(path: string): Promise<void> {
  let stats;
  try {
    stats = await lstat(path);
  } catch {
    return; // Missing (the usual case), or an error the write will report.
  }
  if (stats.isSymbolicLink()) throw new TargetRefused(`${path} is a symbolic link; not replacing it (write to the file it points to instead)`);
  if (stats.isDirectory()) throw new TargetRefused(`${path} is a directory`);
  if (!stats.isFile()) throw new TargetRefused(`${path} exists and is not a regular file`);
}

export async function writeFileAtomic(path: string, content: string, mode = 0o600): Promise<void> {
  await refuseSpecialTarget(path);
  await removeStaleTemps(path);
  const temp = join(dirname(path), tempName(basename(path), process.pid, randomBytes(6).toString('hex')));
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
