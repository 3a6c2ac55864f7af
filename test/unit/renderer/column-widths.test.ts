import { describe, expect, it } from 'vitest';
import { columnWidths, type MeasuredColumn } from '../../../renderer/src/lib/column-widths.js';

type Row = { name: string; pid: number };
/** A stand-in for a text font: wide capitals, narrow everything else. */
const measure = (text: string) => [...text].reduce((sum, ch) => sum + (/[A-Z]/.test(ch) ? 10 : 6), 0);
const columns: MeasuredColumn<Row>[] = [
  { label: 'Process', cell: (r) => r.name, extraPx: 20 },
  { label: 'PID', cell: (r) => String(r.pid), extraPx: 4 },
];

describe('columnWidths', () => {
  it('fits the widest cell or the header, plus the room asked for', () => {
    const rows = [
      { name: 'node', pid: 7 },
      { name: 'WWWW', pid: 1_234_567 },
    ];
    expect(columnWidths(columns, rows, measure)).toEqual([Math.max(measure('Process'), measure('WWWW')) + 20, measure('1234567') + 4]);
    // Headers measured in their own (bold) font.
    expect(columnWidths(columns, [], measure, (text) => measure(text) * 2)).toEqual([measure('Process') * 2 + 20, measure('PID') * 2 + 4]);
  });

  it('measures a few candidates, not every cell of a large table', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ name: `proc-${i}`, pid: i }));
    let calls = 0;
    const counting = (text: string) => {
      calls++;
      return measure(text);
    };
    const [name] = columnWidths(columns, rows, counting);
    expect(name).toBe(measure('proc-9999') + 20);
    expect(calls).toBeLessThanOrEqual(2 * 65);
  });
});
