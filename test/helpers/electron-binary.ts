import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Electron's own binary where npm downloaded it (node_modules/electron/dist/), else null. */
export function electronBinary(): string | null {
  try {
    // The electron package exports the binary's path, and throws when it was never downloaded.
    const path = createRequire(import.meta.url)('electron') as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export const NO_ELECTRON_BINARY =
  'Electron binary not installed (node_modules/electron/dist is missing; its download host is unreachable here)';
