/**
 * A very large snapshot (a busy machine, or a file built to be large) is diffed and rendered as
 * text and Markdown without overflowing the stack: no Math.max(...rows) or push(...lines) over
 * input, which V8 refuses beyond about 125 000 arguments.
 */
import { describe, expect, it } from 'vitest';
import type { Signal, SnapshotDiff } from '../../../contract/snapshot.js';
import { renderDiffText } from '../../../main/core/snapshot/diff.js';
import { renderMarkdown } from '../../../main/core/snapshot/render-markdown.js';
import { renderText } from '../../../main/core/snapshot/render-text.js';
import { emptyDiff, signal, snapshot } from '../../helpers/snapshot-builders.js';

const COUNT = 150_000;

describe(`${COUNT} rows`, { timeout: 180_000 }, () => {
  it('renders a diff with that many changes, each on its line', () => {
    const diff: SnapshotDiff = {
      ...emptyDiff('2026-11-24T10:00:00.000Z', '2026-11-24T11:00:00.000Z'),
      signalsChanged: Array.from({ length: COUNT }, (_, i) => ({ id: `locale.V${i}`, before: `a${i}`, after: `b${i}` })),
    };
    const lines = renderDiffText(diff).split('\n');
    expect(lines.filter((line) => line.startsWith('  ~ locale.V')).length).toBe(COUNT);
  });

  it('renders a snapshot with that many signals as text and Markdown, a row for each', () => {
    const big = snapshot({
      signals: Array.from({ length: COUNT }, (_, i) =>
        signal({ id: `locale.V${i}`, kind: 'locale', key: { variable: `V${i}` }, value: `value-${i}`, source: `env:V${i}` } as Partial<Signal>),
      ),
    });
    const rows = (text: string) => text.split('\n').filter((line) => /\bvalue-\d+\b/.test(line)).length;
    expect(rows(renderText(big))).toBe(COUNT);
    expect(rows(renderMarkdown(big))).toBe(COUNT);
  });
});
