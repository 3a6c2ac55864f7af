/**
 * `ini` accepts almost anything, so a truncated or garbled file would silently parse as nothing.
 * This finds the first line no INI reader would accept, for an honest "malformed" signal.
 */
import type { ReasonCause } from '../../contract/reason.js';

export function iniSyntaxProblem(text: string, options: { bareKeys: boolean; format: string }): ReasonCause | null {
  const bad = (index: number, problem: 'unterminated-section' | 'no-equals'): ReasonCause =>
    ({ id: 'reason.config.bad-line', format: options.format, line: index + 1, problem });
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      if (!/^\[[^\]]*\]\s*(?:[#;].*)?$/.test(line)) return bad(index, 'unterminated-section');
      continue;
    }
    if (!options.bareKeys && !line.includes('=')) return bad(index, 'no-equals');
  }
  return null;
}
