import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { snapshotJsonSchemaText } from '../../../main/core/snapshot/json-schema.js';
import { parseSnapshotJson, validateSnapshot } from '../../../main/core/snapshot/validate.js';
import { fixtureText } from './load-fixture.js';

const schemaFile = new URL('../../../contract/snapshot.schema.json', import.meta.url);
const committed = readFileSync(schemaFile, 'utf8');
const sample = (): Record<string, unknown> => JSON.parse(fixtureText('linux-sample.json')) as Record<string, unknown>;

/** Broken copies of the sample, each wrong in one way the contract forbids. */
const broken: Array<[string, (s: Record<string, unknown>) => void]> = [
  ['wrong schemaVersion', (s) => (s.schemaVersion = 0)],
  ['missing takenAt', (s) => delete s.takenAt],
  ['bad signal status', (s) => ((s.signals as Array<Record<string, unknown>>)[0]!.status = 'fine')],
  ['non-integer pid', (s) => ((s.connections as Array<Record<string, unknown>>)[0]!.pid = 1.5)],
  ['unknown inference id', (s) => ((s.inferences as Array<Record<string, unknown>>)[0]!.id = 'location.city')],
  ['tools not an array', (s) => (s.tools = {})],
];

describe('contract/snapshot.schema.json', () => {
  it('equals a fresh generation from the zod contract (run `npx tsx main/scripts/gen-schema.ts` if not)', () => {
    expect(committed).toBe(snapshotJsonSchemaText());
  });

  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(committed) as object);

  it('accepts the linux sample with ajv', () => {
    expect(validate(sample()), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(broken)('rejects a snapshot with %s', (_name, breakIt) => {
    const s = sample();
    breakIt(s);
    expect(validate(s)).toBe(false);
    expect(validateSnapshot(s).ok).toBe(false);
  });
});

describe('validateSnapshot', () => {
  it('returns the parsed snapshot when valid', () => {
    const result = validateSnapshot(sample());
    expect(result.ok && result.snapshot.signals.length).toBe(34);
  });

  it('names the failing field by path', () => {
    const s = sample();
    (s.signals as Array<Record<string, unknown>>)[3]!.status = 'fine';
    delete s.takenAt;
    const result = validateSnapshot(s);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(2);
    expect(result.errors.some((e) => e.startsWith('signals[3].status: '))).toBe(true);
    expect(result.errors.some((e) => e.startsWith('takenAt: '))).toBe(true);
  });

  it('describes a non-object at the root', () => {
    const result = validateSnapshot(42);
    expect(!result.ok && result.errors[0]).toMatch(/^\(root\): /);
  });
});

describe('parseSnapshotJson', () => {
  it('parses valid JSON text, BOM and all', () => {
    expect(parseSnapshotJson(`\uFEFF${fixtureText('linux-sample.json')}`).ok).toBe(true);
  });

  it('says when the text is not JSON at all', () => {
    const result = parseSnapshotJson('{"schemaVersion": 1,');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^not valid JSON: /);
  });

  it('reports schema errors for JSON that is not a snapshot', () => {
    const result = parseSnapshotJson('{"hello": "world"}');
    expect(!result.ok && result.errors.join('\n')).toMatch(/schemaVersion/);
  });
});
