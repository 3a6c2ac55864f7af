import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PLAIN } from '../../../main/core/snapshot/render-text.js';
import { terminalStyle, terminalWidth, wantsColor } from '../../../main/cli/terminal.js';

/** A stream that says it is (or is not) a terminal of `columns`, as process.stdout does. */
function out(isTTY: boolean, columns?: number) {
  return Object.assign(new PassThrough(), { isTTY, columns });
}

describe('terminalWidth', () => {
  it('is the terminal columns on a TTY, else $COLUMNS, else 80', () => {
    expect(terminalWidth(out(true, 132), { COLUMNS: '60' })).toBe(132);
    expect(terminalWidth(out(false, 132), { COLUMNS: '60' })).toBe(60);
    expect(terminalWidth(out(false), {})).toBe(80);
    for (const bad of ['', 'wide', '-5', '0', '7.5']) expect(terminalWidth(out(false), { COLUMNS: bad })).toBe(80);
  });
});

describe('wantsColor', () => {
  it.each([
    [true, {}, true],
    [true, { TERM: 'dumb' }, false],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ] as const)('a TTY: %s, env %j: %s', (tty, env, expected) => {
    expect(wantsColor(out(tty), env)).toBe(expected);
  });

  it('gives ANSI styles only when colour is wanted', () => {
    expect(terminalStyle(out(false), {})).toBe(PLAIN);
    expect(terminalStyle(out(false), { FORCE_COLOR: '1' }).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
