/**
 * What the terminal the CLI writes to can show: its width, and whether to colour. Colour follows
 * the no-color.org and FORCE_COLOR conventions: NO_COLOR (any value) turns it off, FORCE_COLOR
 * (other than "0" or "false") turns it on, otherwise only a TTY that is not TERM=dumb gets it.
 */
import { createColors } from 'picocolors';
import { PLAIN, type TextStyle } from '../core/snapshot/render-text.js';

type Env = Readonly<Record<string, string | undefined>>;
type Output = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** The stream's columns on a TTY, else $COLUMNS, else 80. */
export function terminalWidth(out: Output, env: Env = process.env): number {
  if (out.isTTY && typeof out.columns === 'number' && out.columns > 0) return out.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : 80;
}

export function wantsColor(out: Output, env: Env = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return out.isTTY === true && env.TERM !== 'dumb';
}

/** The report's style for this terminal: ANSI colours (picocolors) or none. */
export function terminalStyle(out: Output, env: Env = process.env): TextStyle {
  if (!wantsColor(out, env)) return PLAIN;
  const c = createColors(true);
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green };
}
