import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * A file inside an installed npm package (resolved the way Node resolves the package). The packaging
 * test finds the files the Electron bundle opens by these calls, so name both as string literals.
 */
export function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}
