/**
 * Writes contract/snapshot.schema.json from the zod contract. Run after changing contract/snapshot.ts:
 *   npx tsx main/scripts/gen-schema.ts
 * A unit test fails while the committed file differs from a fresh generation.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../adapters/write-file-atomic.js';
import { snapshotJsonSchemaText } from '../core/snapshot/json-schema.js';

/** The checkout root (the folder with package.json), from the source tree or from dist/. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above this script');
    dir = parent;
  }
  return dir;
}

const target = join(repoRoot(), 'contract', 'snapshot.schema.json');
await writeFileAtomic(target, snapshotJsonSchemaText(), 0o644);
console.log(`wrote ${target}`);
