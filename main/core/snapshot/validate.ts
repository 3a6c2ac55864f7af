/** Checks untrusted snapshot data (an imported file, a request body) against the zod contract. */
import type { z } from 'zod';
import { Snapshot } from '../../../contract/snapshot.js';

export type ValidationResult = { ok: true; snapshot: Snapshot } | { ok: false; errors: string[] };

/** "signals[3].status", or "(root)" for the document itself. */
function issuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`);
}

export function validateSnapshot(data: unknown): ValidationResult {
  const result = Snapshot.safeParse(data);
  return result.success ? { ok: true, snapshot: result.data } : { ok: false, errors: formatIssues(result.error.issues) };
}

/** Parses and validates snapshot JSON text; malformed JSON is reported as such, not as a schema error. */
export function parseSnapshotJson(text: string): ValidationResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`not valid JSON: ${detail}`] };
  }
  return validateSnapshot(data);
}
