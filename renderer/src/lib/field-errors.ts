/**
 * Which settings field an API validation error is about. The host answers a bad request with
 * zod's prettified error ("✖ Too small: expected number to be >=1\n  → at intervalSeconds"), so
 * each message can be shown next to its control.
 */
export type FieldErrors = { byField: Record<string, string>; other: string | null };

export function fieldErrors(message: string): FieldErrors {
  const byField: Record<string, string> = {};
  const lines = message.split('\n');
  let matched = false;
  lines.forEach((line, index) => {
    const at = /^\s*→ at (\S+)\s*$/.exec(line);
    const issue = /✖\s*(.+)$/.exec(lines[index - 1] ?? '');
    if (at?.[1] && issue?.[1]) {
      // A list item's path ends with its index; the control is the list.
      const field = at[1].replace(/\[\d+\]$/, '');
      byField[field] = issue[1].trim();
      matched = true;
    }
  });
  return { byField, other: matched ? null : message };
}
