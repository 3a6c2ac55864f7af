import { readFileSync } from 'node:fs';

/** A captured-output fixture from test/fixtures/proxy/. */
export function proxyFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/proxy/${name}`, import.meta.url), 'utf8');
}
