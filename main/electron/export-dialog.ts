/** "Export snapshot…" from the tray: asks where, then writes the JSON export atomically. */
import { dialog, type BrowserWindow } from 'electron';
import { EXPORT_FORMATS } from '../../common/export-formats.js';
import type { Language } from '../../common/i18n/languages.js';
import { translator } from '../../common/i18n/translate.js';
import { writeFileAtomic } from '../adapters/write-file-atomic.js';
import type { ApiHandlers } from '../service/api-handlers.js';

/** Returns the path written, or null when the user cancelled. The dialog speaks `language`. */
export async function exportSnapshotWithDialog(handlers: ApiHandlers, parent: BrowserWindow | null, language: Language): Promise<string | null> {
  const result = await handlers.exportSnapshot({ format: 'json', redaction: { maskHostname: false, maskUsername: false }, includeLoopback: false });
  const t = translator(language);
  const options = {
    title: t('tray.export-title'),
    defaultPath: result.filename,
    filters: [{ name: t('tray.export-filter', { format: EXPORT_FORMATS.json.label }), extensions: [EXPORT_FORMATS.json.ext] }],
  };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await writeFileAtomic(choice.filePath, result.content);
  return choice.filePath;
}
