/**
 * A snapshot as a file to save or download: always redacted first, then validated, then rendered.
 * An invalid snapshot is an error, never a file.
 */
import type { ExportFormat, ExportResult } from '../../../contract/api.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import { EXPORT_FORMATS } from '../../../common/export-formats.js';
import { redactSnapshot, type RedactOptions } from './redact.js';
import type { ReportOptions } from './report-model.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { validateSnapshot } from './validate.js';

export class InvalidSnapshotError extends Error {
  constructor(readonly errors: string[]) {
    super(`snapshot failed validation:\n  ${errors.join('\n  ')}`);
    this.name = 'InvalidSnapshotError';
  }
}

const RENDERERS: Record<ExportFormat, (s: Snapshot, report: ReportOptions) => string> = {
  json: (s) => `${JSON.stringify(s, null, 2)}\n`,
  md: renderMarkdown,
  html: renderHtml,
};

/** "telltale-snapshot-2026-11-24T10-00-00-000Z.json": safe on every filesystem. */
export function exportFilename(snapshot: Snapshot, format: ExportFormat): string {
  const stamp = snapshot.takenAt.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-|-$/g, '') || 'undated';
  return `telltale-snapshot-${stamp}.${EXPORT_FORMATS[format].ext}`;
}

/**
 * Throws InvalidSnapshotError when the (redacted) snapshot does not match the contract. `report`
 * shapes the Markdown and HTML reports (version, loopback); JSON is the snapshot as it is.
 */
export function exportSnapshot(snapshot: Snapshot, format: ExportFormat, options: RedactOptions, report: ReportOptions = {}): ExportResult {
  const checked = validateSnapshot(redactSnapshot(snapshot, options));
  if (!checked.ok) throw new InvalidSnapshotError(checked.errors);
  return { filename: exportFilename(checked.snapshot, format), mime: EXPORT_FORMATS[format].mime, content: RENDERERS[format](checked.snapshot, report) };
}
