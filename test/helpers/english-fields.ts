/** Which fields of a snapshot or a reply are English text beside a message (no test framework here: Playwright specs use it too). */

/** English sentences whose message is the object's `message`. */
const ENGLISH_FIELDS = new Set(['statement', 'text', 'disclosure']);

/** Whether `key` is the English text of a message its object carries beside it (name/nameMessage, reachGaps/reachGapMessages). */
export function hasMessage(key: string, object: object): boolean {
  const stem = key.replace(/s$/, '');
  return (ENGLISH_FIELDS.has(key) && 'message' in object) || [`${key}Message`, `${key}Messages`, `${stem}Messages`].some((k) => k in object);
}
