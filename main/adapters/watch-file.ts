/**
 * Calls back (debounced) when a file may have changed. Watches the folder, not the file: an atomic
 * write or an editor's save replaces the file with a new inode, which a watch on the file would miss.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FileWatch {
  close(): void;
}

/** Throws when the folder cannot be watched (missing, no permission, no inotify watches left). */
export function watchFile(path: string, onChange: () => void, debounceMs = 100): FileWatch {
  const name = basename(path);
  let timer: NodeJS.Timeout | null = null;
  const watcher: FSWatcher = watch(dirname(path), { persistent: false }, (_event, filename) => {
    // Some platforms do not say which file changed; then any change in the folder counts.
    if (filename !== null && filename !== name) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  });
  // The folder went away (or the watch broke): stop quietly, the settings in force stay.
  watcher.on('error', () => watcher.close());
  return {
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      watcher.close();
    },
  };
}
