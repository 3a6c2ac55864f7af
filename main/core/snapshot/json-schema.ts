/**
 * The shipped JSON Schema (contract/snapshot.schema.json), generated from the zod contract so the
 * two cannot disagree. "input" mode leaves objects open (no additionalProperties: false), as zod
 * accepts and strips unknown fields: the contract lets later versions add fields.
 */
import { z } from 'zod';
import { Snapshot } from '../../../contract/snapshot.js';

export const SNAPSHOT_SCHEMA_ID = 'urn:telltale:snapshot:v1';

export function snapshotJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(Snapshot, { target: 'draft-2020-12', io: 'input' });
  return {
    $schema,
    $id: SNAPSHOT_SCHEMA_ID,
    title: 'Telltale snapshot',
    description: 'What the tools on a machine could infer about its user (telltale snapshot --json).',
    ...rest,
  };
}

/** The exact text of contract/snapshot.schema.json. */
export function snapshotJsonSchemaText(): string {
  return `${JSON.stringify(snapshotJsonSchema(), null, 2)}\n`;
}
