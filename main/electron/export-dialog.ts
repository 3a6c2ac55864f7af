/** "Export snapshot…" from the tray: asks where, then writes the JSON export atomically. */
import { dialog, type BrowserWindow } from 'electron';
import { EXPORT_FORMATS } from '../../common/export-formats.js';
import { writeFileAtomic } from '../adapters/write-file-atomic.js';
import type { ApiHandlers } from '../service/api-handlers.js';

/** Returns the path written, or null when the user cancelled. */
export async function exportSnapshotWithDialog(handlers: ApiHandlers, parent: BrowserWindow | null): Promise<string | null> {
  const result = await handlers.exportSnapshot({ format: 'json', redaction: { maskHostname: false, maskUsername: false }, includeLoopback: false });
  const options = {
    title: 'Export snapshot',
    defaultPath: result.filename,
    filters: [{ name: `Telltale snapshot (${EXPORT_FORMATS.json.label})`, extensions: [EXPORT_FORMATS.json.ext] }],
  };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await writeFileAtomic(choice.filePath, result.content);
  return choice.filePath;
}
