/**
 * The built UI (`npm run build`, what `telltale serve` and the app load) ships without source maps:
 * none in dist/renderer and no script pointing at one. The hosts refuse `.map` paths as well
 * (test/integration/server-load.test.ts).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { rendererDir } from './live-fixture.js';

test.skip(!existsSync(join(rendererDir, 'index.html')), 'dist/ is not built: run `npm run build` first');

test('the built UI has no source maps', async () => {
  const files = (await readdir(rendererDir, { recursive: true })).map(String);
  const scripts = files.filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  for (const script of scripts) expect(await readFile(join(rendererDir, script), 'utf8'), script).not.toContain('sourceMappingURL');
});
