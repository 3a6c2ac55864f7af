/**
 * The planted-secret corpus (test/fixtures/secrets/planted.ts): no secret of any class survives into
 * any output (snapshot JSON and exports, text report and diff, probe report and stdout, tap capture,
 * messages), and evidence the product shows stays readable.
 */
import { describe, expect, it } from 'vitest';
import { isSecretName, redactText } from '../../../main/core/secrets/policy.js';
import { leaksOf } from '../../fixtures/secrets/outputs.js';
import { EVIDENCE, PLANTED } from '../../fixtures/secrets/planted.js';

describe('planted secrets', () => {
  it('the corpus is large and covers every class', () => {
    expect(PLANTED.length).toBeGreaterThanOrEqual(140);
    expect(new Set(PLANTED.map((p) => p.class)).size).toBe(8);
  });

  it.each(PLANTED.map((p) => [p.class, JSON.stringify(p.place), p] as const))('%s %s never survives', async (_cls, _place, planted) => {
    expect(await leaksOf(planted)).toEqual([]);
  });
});

describe('evidence stays', () => {
  it.each(EVIDENCE.map((e) => [e.name, e.value] as const))('%s=%s', (name, value) => {
    expect(isSecretName(name)).toBe(false);
    expect(redactText(`${name}=${value}`)).toContain(value);
  });
});
