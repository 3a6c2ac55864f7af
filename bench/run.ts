/**
 * Runs every bench module and prints one table. Each comparison's baseline is measured in the
 * same run. Add an area: write bench/<area>.ts exporting a BenchModule and list it below.
 * Run: npx tsx bench/run.ts
 */
import { connectionsBench } from './connections.js';
import { geoBench } from './geo.js';
import type { BenchModule, BenchRow } from './types.js';
import { uiBench } from './ui.js';

const modules: BenchModule[] = [connectionsBench, geoBench, uiBench];

function format(value: number): string {
  return Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : 'n/a';
}

/** "5.2x faster" against the baseline row (lower is better for ms, higher for rates). */
function ratio(row: BenchRow, rows: readonly BenchRow[]): string {
  const base = rows.find((other) => other.area === row.area && other.name === row.baseline);
  if (!base) return '';
  const lowerIsBetter = row.unit === 'ms';
  const factor = lowerIsBetter ? base.value / row.value : row.value / base.value;
  // Always print a factor >= 1 so "6.4x slower" reads as it should.
  return factor >= 1 ? `${factor.toFixed(1)}x faster than ${base.name}` : `${(1 / factor).toFixed(1)}x slower than ${base.name}`;
}

const rows: BenchRow[] = [];
for (const module of modules) {
  try {
    rows.push(...(await module.run()));
  } catch (error) {
    console.error(`bench ${module.area} failed:`, error);
    process.exitCode = 1;
  }
}

const table = rows.map((row) => [row.area, row.name, format(row.value), row.unit, ratio(row, rows), row.note ?? '']);
const header = ['area', 'measure', 'value', 'unit', 'vs baseline', 'note'];
const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => (cells[i] as string).length)));
for (const cells of [header, ...table]) console.log(cells.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ').trimEnd());
