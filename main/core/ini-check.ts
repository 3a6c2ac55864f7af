/**
 * `ini` accepts almost anything, so a truncated or garbled file would silently parse as nothing.
 * This finds the first line no INI reader would accept, for an honest "malformed" signal.
 */
export function iniSyntaxProblem(text: string, options: { bareKeys: boolean }): string | null {
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      if (!/^\[[^\]]*\]\s*(?:[#;].*)?$/.test(line)) return `line ${index + 1}: unterminated section header`;
      continue;
    }
    if (!options.bareKeys && !line.includes('=')) return `line ${index + 1}: expected key=value`;
  }
  return null;
}
