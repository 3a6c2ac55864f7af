/**
 * Which rows are new and not yet seen by the user. A row is new when a sample has it and the one
 * before did not; it stays new until it has been in view while the user was looking (see
 * hooks/useNewRows.ts), or until it goes away.
 */

export type NewRows = {
  /** The previous sample's identities; null before the first (so nothing is new on opening the view). */
  previous: ReadonlySet<string> | null;
  /** New identities the user has not seen yet. */
  unseen: ReadonlySet<string>;
};

export const NO_NEW_ROWS: NewRows = { previous: null, unseen: new Set() };

/** After a sample with `identities`: the new ones added, the ones gone dropped. */
export function nextNewRows(state: NewRows, identities: Iterable<string>): NewRows {
  const current = new Set(identities);
  const unseen = new Set<string>();
  for (const id of state.unseen) if (current.has(id)) unseen.add(id);
  if (state.previous) for (const id of current) if (!state.previous.has(id)) unseen.add(id);
  return { previous: current, unseen };
}

/** `state` with `ids` seen (the same object when none of them was unseen). */
export function markSeen(state: NewRows, ids: Iterable<string>): NewRows {
  let unseen: Set<string> | null = null;
  for (const id of ids) {
    if (!state.unseen.has(id)) continue;
    unseen ??= new Set(state.unseen);
    unseen.delete(id);
  }
  return unseen ? { previous: state.previous, unseen } : state;
}

/** Every new row seen at once (the "mark all as seen" button). */
export function markAllSeen(state: NewRows): NewRows {
  return state.unseen.size === 0 ? state : { previous: state.previous, unseen: new Set() };
}

/** How many of `rows` (those the filters show) are unseen. */
export function unseenCount<R extends { identity: string }>(unseen: ReadonlySet<string>, rows: readonly R[]): number {
  if (unseen.size === 0) return 0;
  let count = 0;
  for (const row of rows) if (unseen.has(row.identity)) count++;
  return count;
}

/**
 * Dwell: a row counts as seen once it has been in view, with the page visible and focused, for
 * `dwellMs` without a break. `inViewSince` holds, per row in view while the user attends, since when.
 */
export function seenAfterDwell(inViewSince: ReadonlyMap<string, number>, now: number, dwellMs: number): string[] {
  const seen: string[] = [];
  for (const [id, since] of inViewSince) if (now - since >= dwellMs) seen.push(id);
  return seen;
}

/** When the next row in view reaches the dwell (ms), or null when none is in view. */
export function nextDwellEnd(inViewSince: ReadonlyMap<string, number>, dwellMs: number): number | null {
  let first: number | null = null;
  for (const since of inViewSince.values()) first = first === null ? since : Math.min(first, since);
  return first === null ? null : first + dwellMs;
}
