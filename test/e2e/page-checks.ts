/** Checks the view specs share: axe's serious findings on a page, and a page at every screen size and colour scheme. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const SCREEN_SIZES = [
  { width: 1400, height: 900 },
  { width: 900, height: 700 },
] as const;

export type Screen = { width: number; height: number; colorScheme: 'light' | 'dark' };

/** axe's critical and serious violations on the page as it is, each as "where: rule (impact) at nodes". */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })))`);
  return (violations as Array<{ id: string; impact: string; nodes: string[] }>)
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${where}: ${v.id} (${v.impact}) at ${v.nodes.join(', ')}`);
}

/** Calls `visit` once per screen: light then dark, each at every size. */
export async function forEachScreen(page: Page, visit: (screen: Screen) => Promise<void>): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await visit({ ...size, colorScheme });
    }
  }
}
