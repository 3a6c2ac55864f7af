/**
 * Writes contract/snapshot.schema.json from the zod contract. Run after changing contract/snapshot.ts:
 *   npx tsx main/scripts/gen-schema.ts
 * A unit test fails while the committed file differs from a fresh generation.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../adapters/write-file-atomic.js';
import { snapshotJsonSchemaText } from '../core/snapshot/json-schema.js';
import { repoRoot } from './repo-root.js';

const target = join(repoRoot(), 'contract', 'snapshot.schema.json');
await writeFileAtomic(target, snapshotJsonSchemaText(), 0o644);
console.log(`wrote ${target}`);
