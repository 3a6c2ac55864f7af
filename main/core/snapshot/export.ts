/**
 * A snapshot as a file to save or download: always redacted first, then validated, then rendered.
 * An invalid snapshot is an error, never a file.
 */
import type { ExportFormat, ExportResult } from '../../../contract/api.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import { redactSnapshot, type RedactOptions } from './redact.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { validateSnapshot } from './validate.js';

export class InvalidSnapshotError extends Error {
  constructor(readonly errors: string[]) {
    super(`snapshot failed validation:\n  ${errors.join('\n  ')}`);
    this.name = 'InvalidSnapshotError';
  }
}

const FORMATS: Record<ExportFormat, { ext: string; mime: string; render: (s: Snapshot) => string }> = {
  json: { ext: 'json', mime: 'application/json', render: (s) => `${JSON.stringify(s, null, 2)}\n` },
  md: { ext: 'md', mime: 'text/markdown; charset=utf-8', render: renderMarkdown },
  html: { ext: 'html', mime: 'text/html; charset=utf-8', render: renderHtml },
};

/** "telltale-snapshot-2026-11-24T10-00-00-000Z.json": safe on every filesystem. */
export function exportFilename(snapshot: Snapshot, format: ExportFormat): string {
  const stamp = snapshot.takenAt.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-|-$/g, '') || 'undated';
  return `telltale-snapshot-${stamp}.${FORMATS[format].ext}`;
}

/** Throws InvalidSnapshotError when the (redacted) snapshot does not match the contract. */
export function exportSnapshot(snapshot: Snapshot, format: ExportFormat, options: RedactOptions): ExportResult {
  const checked = validateSnapshot(redactSnapshot(snapshot, options));
  if (!checked.ok) throw new InvalidSnapshotError(checked.errors);
  const { mime, render } = FORMATS[format];
  return { filename: exportFilename(checked.snapshot, format), mime, content: render(checked.snapshot) };
}
