/**
 * Keeps the last result of a pure function and returns it while the input's key is unchanged:
 * inference reruns only when signals or the tools present change, not on every tick.
 */
export function memoLast<I, O>(compute: (input: I) => O, keyOf: (input: I) => string): (input: I) => O {
  let last: { key: string; output: O } | null = null;
  return (input) => {
    const key = keyOf(input);
    if (last?.key !== key) last = { key, output: compute(input) };
    return last.output;
  };
}
