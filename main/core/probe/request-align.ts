/**
 * Which request of one run is which of another, when a run sends several of one kind. slots.ts
 * ranks them by model and arrival, but concurrent calls race: Qwen Code's main call and its
 * memory-extraction call go to one endpoint with one model, in either order. Requests of a kind are
 * paired by content instead (as array items are, align.ts), and the other run's slots renamed.
 */
import { alignItems } from './align.js';
import type { FlatRun } from './noise.js';

export interface AlignedRun {
  run: FlatRun;
  /** Renamed slot -> the slot it had in its own run (for the noise learnt there). */
  originalSlot: Map<string, string>;
}

const slotName = (kind: string, rank: number): string => (rank === 0 ? kind : `${kind} #${rank + 1}`);

function slotsOfKind(run: FlatRun, kind: string): string[] {
  const n = run.counts.get(kind) ?? 0;
  return Array.from({ length: n }, (_, i) => slotName(kind, i)).filter((slot) => run.slots.has(slot));
}

// Similarity reads words; the first part of each request says what it is, so a bounded prefix keeps this linear.
const MAX_TEXT = 16_384;
function asText(request: Map<string, string>): string {
  let text = '';
  for (const [path, value] of request) {
    if (text.length >= MAX_TEXT) break;
    text += `${path}=${value}\n`;
  }
  return text.slice(0, MAX_TEXT);
}

/** `other` with its requests of each kind renamed to the slots of `base` they match by content. */
export function alignRequests(base: FlatRun, other: FlatRun): AlignedRun {
  const slots = new Map(other.slots);
  const originalSlot = new Map<string, string>();
  for (const kind of other.counts.keys()) {
    const bSlots = slotsOfKind(base, kind);
    const oSlots = slotsOfKind(other, kind);
    if (bSlots.length < 2 && oSlots.length < 2) continue;
    const pairs = alignItems(
      bSlots.map((slot) => asText(base.slots.get(slot)!)),
      oSlots.map((slot) => asText(other.slots.get(slot)!)),
    );
    const target = new Map(pairs.map(([b, o]) => [o, bSlots[b]!]));
    // Requests content did not pair are paired in rank order, as before; any left over take ranks
    // after every base slot, so they show as requests the base lacks.
    const freeBase = bSlots.filter((slot) => ![...target.values()].includes(slot));
    let spare = Math.max(bSlots.length, oSlots.length);
    for (const slot of oSlots) slots.delete(slot);
    oSlots.forEach((slot, i) => {
      const name = target.get(i) ?? freeBase.shift() ?? slotName(kind, spare++);
      slots.set(name, other.slots.get(slot)!);
      if (name !== slot) originalSlot.set(name, slot);
    });
  }
  return { run: { slots, counts: other.counts }, originalSlot };
}
