import { PassThrough } from 'node:stream';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { progressLine, progressPrinter, type ProbeProgress } from '../../../main/probe/progress.js';

const at = (done: number, elapsedMs: number): ProbeProgress => ({ done, total: 44, elapsedMs, environment: 'tz:Asia/Shanghai', run: 1, runsPerEnvironment: 2 });

function collect(isTTY: boolean, columns?: number) {
  let text = '';
  const stream = Object.assign(new PassThrough().on('data', (c: Buffer) => (text += c.toString())), { isTTY, columns });
  return { stream, text: () => text };
}

describe('probe progress', () => {
  it('names runs done of all, the time elapsed and the environment running', () => {
    expect(progressLine(at(12, 754_000), 'en')).toBe('telltale probe: 12/44 runs done, 12:34 elapsed; now tz:Asia/Shanghai (run 1/2)');
    expect(progressLine(at(0, 999), 'en')).toMatch(/0\/44 runs done, 0:00 elapsed/);
    expect(progressLine(at(12, 754_000), 'zh-CN')).toBe('telltale probe：已完成 12/44 次运行，用时 12:34；正在运行 tz:Asia/Shanghai（第 1/2 次）');
  });

  it('writes a line per update where stderr is no terminal, and nothing more at the end', () => {
    const out = collect(false);
    const printer = progressPrinter(out.stream, 'en');
    printer.update(at(0, 0));
    printer.update(at(1, 61_000));
    printer.finish();
    expect(out.text()).toBe(`${progressLine(at(0, 0), 'en')}\n${progressLine(at(1, 61_000), 'en')}\n`);
  });

  it('rewrites one line on a terminal, clipped to its width, and clears it at the end', () => {
    const out = collect(true, 40);
    const printer = progressPrinter(out.stream, 'en');
    printer.update(at(0, 0));
    printer.update(at(1, 1000));
    printer.finish();
    const writes = out.text().split('\r\x1b[2K').slice(1);
    expect(writes).toHaveLength(3);
    expect(writes[0]).toBe('telltale probe: 0/44 runs done, 0:00…');
    expect(writes[2]).toBe('');
    expect(out.text()).not.toContain('\n');
  });

  it('clips a Chinese line by the columns it takes (CJK two wide)', () => {
    const out = collect(true, 40);
    const printer = progressPrinter(out.stream, 'zh-CN');
    printer.update(at(0, 0));
    const [written = ''] = out.text().split('\r\x1b[2K').slice(1);
    expect(written.endsWith('…')).toBe(true);
    expect(stringWidth(written)).toBeLessThan(40);
    expect(progressLine(at(0, 0), 'zh-CN').startsWith(written.slice(0, -1))).toBe(true);
  });
});
