/** Which rows are new since the previous sample, kept marked for a few seconds. */

/** How long a new row stays marked. */
export const NEW_ROW_MS = 6000;

export type NewRows = {
  /** The previous sample's identities; null before the first (so nothing is new on opening the view). */
  seen: ReadonlySet<string> | null;
  /** New identities and when they first appeared (ms). */
  since: ReadonlyMap<string, number>;
};

export const NO_NEW_ROWS: NewRows = { seen: null, since: new Map() };

/** After a sample with `identities` at `now`: the new ones added, expired or gone ones dropped. */
export function nextNewRows(state: NewRows, identities: Iterable<string>, now: number, holdMs = NEW_ROW_MS): NewRows {
  const current = new Set(identities);
  const since = new Map<string, number>();
  for (const [id, at] of state.since) if (current.has(id) && now - at < holdMs) since.set(id, at);
  if (state.seen) for (const id of current) if (!state.seen.has(id) && !since.has(id)) since.set(id, now);
  return { seen: current, since };
}

/** `state` with the marks older than `holdMs` removed (the same object when none expired). */
export function expireNewRows(state: NewRows, now: number, holdMs = NEW_ROW_MS): NewRows {
  const kept = [...state.since].filter(([, at]) => now - at < holdMs);
  return kept.length === state.since.size ? state : { seen: state.seen, since: new Map(kept) };
}

/** When the next mark expires (ms), or null when none is left. */
export function nextExpiry(state: NewRows, holdMs = NEW_ROW_MS): number | null {
  let first: number | null = null;
  for (const at of state.since.values()) first = first === null ? at : Math.min(first, at);
  return first === null ? null : first + holdMs;
}
