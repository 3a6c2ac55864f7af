/**
 * Checks untrusted snapshot data (an imported file, a request body) against the zod contract.
 * Every version before the current one is accepted and migrated (migrate.ts).
 */
import type { z } from 'zod';
import { SCHEMA_VERSION, Snapshot } from '../../../contract/snapshot.js';
import { SnapshotV1 } from '../../../contract/snapshot-v1.js';
import { migrateV1 } from './migrate.js';

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

function versionOf(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? (data as { schemaVersion?: unknown }).schemaVersion : undefined;
}

export function validateSnapshot(data: unknown): ValidationResult {
  const version = versionOf(data);
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    return { ok: false, errors: [`schemaVersion ${version} is newer than this Telltale reads (${SCHEMA_VERSION}); update Telltale`] };
  }
  if (version === 1) {
    const v1 = SnapshotV1.safeParse(data);
    if (!v1.success) return { ok: false, errors: formatIssues(v1.error.issues) };
    data = migrateV1(v1.data);
  }
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
