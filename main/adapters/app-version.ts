/**
 * Telltale's own version, for reports: read from the package.json above this module (the source
 * tree, dist/ or the packaged app alike). Undefined when it cannot be found or read.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function appVersion(from: string = import.meta.url): string | undefined {
  for (let dir = dirname(fileURLToPath(from)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'telltale' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No package.json here (or an unreadable one): keep looking upwards.
    }
    if (dirname(dir) === dir) return undefined;
  }
}
