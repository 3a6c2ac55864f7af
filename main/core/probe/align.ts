/**
 * Aligns the items of arrays (messages[], content[], system[] ...) of a variant's request with the
 * baseline's by content, not by position: when one side has an extra block, every later block is
 * still compared with its counterpart, not its neighbour. Works on flattened requests
 * (flatten.ts), renaming the variant's index paths to the baseline's.
 *
 * Items equal on both sides are matched first (a longest common subsequence); in each run of
 * unmatched items between them, items are paired in order by similarity (shared words); items
 * that moved are paired last; what is left is an item added (`[+j]`, the variant's index) or
 * dropped (the baseline's index, absent in the variant).
 */
import { diffArrays } from 'diff';

type Flat = ReadonlyMap<string, string>;

export interface Aligned {
  /** The variant's leaves under the baseline's paths. */
  variant: Map<string, string>;
  /** Renamed path -> the variant's own path (for its noise, learnt under its own paths). */
  original: Map<string, string>;
}

// First [n] index segment of a path after `from` (name-keyed [name="x"] segments are not indices).
const INDEX = /\[(\d+)\]/g;

interface ArrayItems {
  /** index -> its leaves as "relative path: value" lines, joined. */
  items: Map<number, string>;
}

/** Arrays whose item paths start with a container not inside another unaligned array: container -> items. */
function arraysAtDepth(flat: Flat, depth: number): Map<string, ArrayItems> {
  const out = new Map<string, ArrayItems>();
  for (const [path, value] of flat) {
    INDEX.lastIndex = 0;
    let match: RegExpExecArray | null = null;
    for (let i = 0; i <= depth; i++) {
      match = INDEX.exec(path);
      if (!match) break;
    }
    if (!match) continue;
    const container = path.slice(0, match.index);
    const index = Number(match[1]);
    const rest = path.slice(match.index + match[0].length);
    const entry = out.get(container) ?? { items: new Map<number, string>() };
    out.set(container, entry);
    entry.items.set(index, `${entry.items.get(index) ?? ''}${rest}: ${value}\n`);
  }
  return out;
}

// Words holding a digit do not tell items apart: a message holding only a date-time (Copilot CLI's
// <current_datetime>) is the same item in every time zone, with another value; and random ids
// (UUIDs, hex hashes) would otherwise outweigh the one word that differs between two near twins
// (a request sent plain and again with stream=true).
function words(text: string): Set<string> {
  const found = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu)?.slice(0, 2000) ?? [];
  return new Set(found.map((word) => (/\p{N}/u.test(word) ? '0' : word)));
}

/** Jaccard similarity of the items' words: 1 for the same words, 0 for none shared. */
function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 && wb.size === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

// Below this, two items are different items (one added, one dropped), not one item edited.
const SAME_ITEM = 0.5;

/** Pairs b-items with v-items (indices into each): equal ones by LCS, the rest by similarity in order. */
export function alignItems(b: readonly string[], v: readonly string[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let bi = 0;
  let vi = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const pairGap = () => {
    let from = 0;
    for (const r of removed) {
      let best = -1;
      let bestScore = SAME_ITEM;
      for (let k = from; k < added.length; k++) {
        const score = similarity(b[r]!, v[added[k]!]!);
        // Strictly better: on a tie the earliest candidate keeps the run's order.
        if (score > bestScore || (best < 0 && score >= bestScore)) {
          best = k;
          bestScore = score;
        }
      }
      if (best >= 0) {
        pairs.push([r, added[best]!]);
        from = best + 1;
      }
    }
    removed = [];
    added = [];
  };
  for (const part of diffArrays([...b], [...v])) {
    const n = part.count ?? part.value.length;
    if (part.removed) for (let k = 0; k < n; k++) removed.push(bi++);
    else if (part.added) for (let k = 0; k < n; k++) added.push(vi++);
    else {
      pairGap();
      for (let k = 0; k < n; k++) pairs.push([bi++, vi++]);
    }
  }
  pairGap();
  return [...pairs, ...pairMoved(b, v, pairs)];
}

/** Items left over after the in-order pass that moved elsewhere (swapped places): equal ones, then the most similar. */
function pairMoved(b: readonly string[], v: readonly string[], pairs: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const usedB = new Set(pairs.map(([i]) => i));
  const usedV = new Set(pairs.map(([, j]) => j));
  const freeB = b.map((_, i) => i).filter((i) => !usedB.has(i));
  const freeV = v.map((_, j) => j).filter((j) => !usedV.has(j));
  const moved: Array<[number, number]> = [];
  // Bounded: a request has few unmatched items; past that, leave them added and dropped.
  if (freeB.length * freeV.length > 10_000) return moved;
  for (const exact of [true, false]) {
    for (const i of freeB) {
      if (usedB.has(i)) continue;
      let best = -1;
      let bestScore = SAME_ITEM;
      for (const j of freeV) {
        if (usedV.has(j)) continue;
        const score = exact ? (b[i] === v[j] ? 1 : 0) : similarity(b[i]!, v[j]!);
        if ((score > bestScore || (best < 0 && score >= bestScore)) && (!exact || score === 1)) {
          best = j;
          bestScore = score;
        }
      }
      if (best >= 0) {
        moved.push([i, best]);
        usedB.add(i);
        usedV.add(best);
      }
    }
  }
  return moved;
}

function renamePrefix(path: string, from: string, to: string): string | null {
  if (path === from) return to;
  return path.startsWith(from) && (path[from.length] === '.' || path[from.length] === '[') ? to + path.slice(from.length) : null;
}

/** The variant's leaves renamed so that each array item sits at the index of its baseline counterpart. */
export function alignArrays(baseline: Flat, variant: Flat): Aligned {
  let current = new Map(variant);
  let original = new Map([...variant.keys()].map((p) => [p, p]));
  // Outer arrays first: an inner array's path holds the outer index, renamed by then.
  for (let depth = 0; depth < 8; depth++) {
    const bArrays = arraysAtDepth(baseline, depth);
    const vArrays = arraysAtDepth(current, depth);
    if (vArrays.size === 0) break;
    const renames = new Map<string, string>();
    for (const [container, { items: vItems }] of vArrays) {
      const bItems = bArrays.get(container)?.items;
      if (!bItems) continue;
      const bIdx = [...bItems.keys()].sort((x, y) => x - y);
      const vIdx = [...vItems.keys()].sort((x, y) => x - y);
      const pairs = alignItems(bIdx.map((i) => bItems.get(i)!), vIdx.map((i) => vItems.get(i)!));
      const matched = new Map(pairs.map(([bk, vk]) => [vIdx[vk]!, bIdx[bk]!]));
      for (const vi of vIdx) {
        const target = matched.get(vi);
        const label = target === undefined ? `+${vi}` : String(target);
        if (label !== String(vi)) renames.set(`${container}[${vi}]`, `${container}[${label}]`);
      }
    }
    if (renames.size === 0) continue;
    const next = new Map<string, string>();
    const nextOriginal = new Map<string, string>();
    for (const [path, value] of current) {
      let renamed = path;
      for (const [from, to] of renames) {
        const r = renamePrefix(path, from, to);
        if (r !== null) {
          renamed = r;
          break;
        }
      }
      next.set(renamed, value);
      nextOriginal.set(renamed, original.get(path) ?? path);
    }
    current = next;
    original = nextOriginal;
  }
  return { variant: current, original };
}
