/**
 * A function of a string remembered per input, within bounds (entries and characters held), so a
 * long-lived cache cannot grow without limit. Two generations instead of a strict LRU: lookups
 * never delete (a Map that deletes on every hit slows down as it fills with holes); when the young
 * generation is full it becomes the old one and the old one is dropped. Whatever was used since
 * the last such turn, up to half the bounds, is always remembered.
 */
export interface MemoOptions {
  /** Most distinct inputs remembered (default 4096). */
  maxEntries?: number;
  /** Most characters held, inputs and string outputs together (default 8 million, about 16 MB). */
  maxChars?: number;
}

export function memoise<T>(fn: (text: string) => T, { maxEntries = 4096, maxChars = 8_000_000 }: MemoOptions = {}): (text: string) => T {
  const entryLimit = Math.max(1, Math.floor(maxEntries / 2));
  const charLimit = maxChars / 2;
  const sizeOf = (key: string, value: T): number => key.length + (typeof value === 'string' ? value.length : 0);
  let young = new Map<string, T>();
  let old = new Map<string, T>();
  let chars = 0;
  const remember = (key: string, value: T): T => {
    const size = sizeOf(key, value);
    if (size > charLimit) return value;
    if (young.size >= entryLimit || chars + size > charLimit) {
      old = young;
      young = new Map();
      chars = 0;
    }
    young.set(key, value);
    chars += size;
    return value;
  };
  return (text) => {
    if (young.has(text)) return young.get(text) as T;
    return remember(text, old.has(text) ? (old.get(text) as T) : fn(text));
  };
}
