/** The formats a snapshot is exported in: file extension, MIME type and name, for the CLI, the core and the UI. */
import type { ExportFormat } from '../contract/api.js';

export interface ExportFormatInfo {
  ext: string;
  mime: string;
  label: string;
}

/** In the order they are offered. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  json: { ext: 'json', mime: 'application/json', label: 'JSON' },
  md: { ext: 'md', mime: 'text/markdown; charset=utf-8', label: 'Markdown' },
  html: { ext: 'html', mime: 'text/html; charset=utf-8', label: 'HTML' },
};

/** The format a file name asks for by its extension (".md", ".html" or ".htm"); JSON for anything else. */
export function exportFormatOfFile(name: string): ExportFormat {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'md') return 'md';
  return ext === 'html' || ext === 'htm' ? 'html' : 'json';
}
