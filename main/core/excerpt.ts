/**
 * Reasons quote what was wrong so a person can find it, but a value can be megabytes long: only
 * its start is quoted, with its length. Redact before cutting, or a cut may split a secret's shape.
 */
export const EXCERPT_LENGTH = 120;

export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
