/**
 * Redaction once per distinct string: a monitor sees the same command lines every sample, and a
 * snapshot can hold thousands of connections sharing one.
 */
import { memoise, type MemoOptions } from './bounded-memo.js';
import { redactText } from './text.js';

export type Redactor = (text: string) => string;
export type RedactorOptions = MemoOptions;

/** A memoised redactText (bounded, see bounded-memo.ts); keep one alive across samples to redact each distinct string once. */
export function createRedactor(options?: RedactorOptions): Redactor {
  return memoise(redactText, options);
}
