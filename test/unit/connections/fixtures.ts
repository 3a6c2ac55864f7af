import { readFileSync } from 'node:fs';

/** Reads a file under test/fixtures/connections/. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/connections/${name}`, import.meta.url), 'utf8');
}
