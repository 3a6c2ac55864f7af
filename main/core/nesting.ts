/**
 * Parsed input is walked by recursive code further on (redaction, JSON.stringify, the report), so
 * its depth is checked first, without recursion: a file nested a hundred thousand levels deep is a
 * reason, never a stack overflow that loses the sample.
 */

/** Far deeper than any real config (they nest under ten levels). */
export const MAX_NESTING = 100;

/** Whether `value` has objects or arrays nested deeper than `max` levels (an explicit stack, no recursion). */
export function nestedDeeperThan(value: unknown, max = MAX_NESTING): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Whether text opens more than `max` brackets ([ or {) before closing them: a linear scan run before
 * a parser sees the text. Quotes are not tracked (an apostrophe in a YAML comment would derail
 * that), so brackets inside strings count too: a real config never has a hundred of them unclosed.
 * The yaml package, given 200 000 nested flow arrays, takes seconds and can exhaust the process's
 * memory outright (not an exception that could be caught), so this check must come first.
 */
export function bracketsDeeperThan(text: string, max = MAX_NESTING): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return false;
}

/** Parsers recurse per level; a stack overflow while parsing means input nested far too deep. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
